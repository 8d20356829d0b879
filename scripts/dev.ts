/* eslint-disable no-console, @n8n/community-nodes/no-restricted-globals -- a command-line script in plain Node.js */
/**
 * `npm run dev`: the n8n editor on http://localhost:5678 with the node built from this working
 * tree, the Elastic Path emulator running and the credential pre-created. Ctrl+C stops all.
 * `npm run dev -- --check` starts everything, checks the editor answers, and stops.
 * N8N_VERSION picks the n8n line (default: the newest tested 1.x), N8N_PORT the port.
 */
import { DEFAULT_N8N_VERSION } from '../testkit/n8n/n8nProcess';
import { LOCAL_OWNER } from '../testkit/n8n/n8nServer';
import type { Workbench } from './lib/workbench';
import { LOCAL_STOREFRONT_SECRET, startWorkbench } from './lib/workbench';

async function checkEditor(bench: Workbench): Promise<void> {
	const page = await fetch(`${bench.server.baseUrl}/`);
	const html = await page.text();
	if (page.status !== 200 || !html.includes('<title>n8n')) throw new Error(`The editor answered ${page.status}, not n8n's page`);
	console.log(`Check: the editor answers at ${bench.server.baseUrl}/ and n8n knows ${bench.nodeTypes.join(' and ')}.`);
}

/** Prints each request the emulator answers, as the node makes them while you click, and each mail a template sends. */
function followEmulator(bench: Workbench): () => void {
	bench.mail.onMail = (mail) => console.log(`[mail] to ${mail.to.join(', ')}: ${mail.subject}\n${mail.text.replace(/^/gm, '       ')}`);
	let printed = 0;
	const timer = setInterval(() => {
		const log = bench.emulator.log;
		while (printed < log.length && log[printed].status !== undefined) {
			const r = log[printed++];
			console.log(`[emulator] ${r.method} ${r.path} -> ${r.status}`);
		}
	}, 300);
	return () => clearInterval(timer);
}

async function main(): Promise<void> {
	const version = process.env.N8N_VERSION ?? DEFAULT_N8N_VERSION;
	const port = Number(process.env.N8N_PORT ?? 5678);
	const check = process.argv.includes('--check');
	const bench = await startWorkbench({ version, port, progress: (line) => console.log(line) });
	const editor = `http://localhost:${port}`;
	console.log(`
n8n ${version} is running with the Elastic Path node from this working tree (dist/, copied at start).

  Editor:      ${editor}
  Sign in:     ${LOCAL_OWNER.email} / ${LOCAL_OWNER.password}   (a throw-away local instance)
  Credential:  "Elastic Path account" -> the emulator at ${bench.emulator.baseUrl} (client ${bench.emulator.state.clients[0].clientId})
  Mail:        "SMTP account" -> a catcher on 127.0.0.1:${bench.mail.port}: each mail a template sends is printed here
  Carts:       ${[...bench.emulator.state.carts.values()].map((c) => `${c.id}${c.customers.size ? ` (${[...c.customers].join(', ')})` : ''}`).join(', ')}
  Workflows:   ${bench.templates.map((t) => `${t.name}: ${editor}/workflow/${t.id}`).join('\n               ')}
  Webhook:     curl -X POST ${editor}/webhook/elastic-path/logout -H '${LOCAL_STOREFRONT_SECRET.name}: ${LOCAL_STOREFRONT_SECRET.value}' -H 'Content-Type: application/json' -d '{"cartId":"demo-cart-1001","customerId":"demo-customer-ada"}'
  n8n's log:   ${bench.logFile}

Changed the code? Stop with Ctrl+C and run \`npm run dev\` again (it rebuilds).`);

	if (check) {
		try {
			await checkEditor(bench);
		} finally {
			await bench.stop();
		}
		console.log('Stopped.');
		return;
	}

	const unfollow = followEmulator(bench);
	await new Promise<void>((resolve) => {
		process.once('SIGINT', resolve);
		process.once('SIGTERM', resolve);
	});
	unfollow();
	console.log('\nStopping n8n and the emulator...');
	await bench.stop();
}

main().catch((error: Error) => {
	console.error(error.message);
	process.exitCode = 1;
});
