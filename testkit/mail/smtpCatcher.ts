/* eslint-disable @n8n/community-nodes/no-restricted-imports -- a test server in plain Node.js; the n8n Cloud rules are for the node */
import type { AddressInfo } from 'node:net';

import { simpleParser } from 'mailparser';
import { SMTPServer } from 'smtp-server';

/** A message as the catcher received it: the envelope's recipients, and the parsed headers and text. */
export interface CaughtMail {
	/** Envelope recipients (RCPT TO), lower-cased. */
	to: string[];
	from: string;
	subject: string;
	text: string;
}

/**
 * An SMTP server on 127.0.0.1 that accepts every message without authentication or TLS and
 * keeps it, parsed (smtp-server and mailparser, the maintained libraries behind nodemailer):
 * where a template's Send Email node delivers in the tests and in `npm run dev`.
 */
export class SmtpCatcher {
	readonly mails: CaughtMail[] = [];

	private readonly server = new SMTPServer({
		authOptional: true,
		disabledCommands: ['AUTH', 'STARTTLS'],
		logger: false,
		onData: (stream, session, callback) => {
			simpleParser(stream)
				.then((parsed) => {
					this.mails.push({
						to: session.envelope.rcptTo.map((recipient) => recipient.address.toLowerCase()),
						from: parsed.from?.text ?? '',
						subject: parsed.subject ?? '',
						text: parsed.text ?? '',
					});
					this.onMail?.(this.mails[this.mails.length - 1]);
					callback();
				})
				.catch((error: Error) => callback(error));
		},
	});

	/** Called for each message as it arrives (`npm run dev` prints it). */
	onMail?: (mail: CaughtMail) => void;

	get port(): number {
		const address = this.server.server.address() as AddressInfo | null;
		if (!address) throw new Error('The SMTP catcher is not started');
		return address.port;
	}

	async start(): Promise<number> {
		await new Promise<void>((resolve) => this.server.listen(0, '127.0.0.1', resolve));
		return this.port;
	}

	async stop(): Promise<void> {
		await new Promise<void>((resolve) => this.server.close(() => resolve()));
	}
}

/** An n8n SMTP credential (type `smtp`) for a template's reference to it, pointed at the catcher: no user, no TLS. */
export function smtpCredential(reference: { id: string; name: string }, port: number) {
	return { ...reference, type: 'smtp', data: { user: '', password: '', host: '127.0.0.1', port, secure: false, disableStartTls: true } };
}
