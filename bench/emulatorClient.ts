/* eslint-disable @n8n/community-nodes/no-restricted-globals, @n8n/community-nodes/no-restricted-imports, @n8n/community-nodes/no-dangerous-functions -- the benchmark forks the emulator process */
import type { ChildProcess } from 'node:child_process';
import { fork } from 'node:child_process';
import path from 'node:path';

import type { EmulatorOptions } from '../testkit/emulator/EpccEmulator';
import type { Traffic } from '../testkit/emulator/traffic';
import type { Command, StoreStats } from './emulatorProcess';

/** The emulator running in a child process (see emulatorProcess.ts). */
export class RemoteEmulator {
	private readonly child: ChildProcess = fork(path.join(__dirname, 'emulatorProcess.js'), [], { stdio: 'inherit' });

	private ask<T>(command: Command): Promise<T> {
		return new Promise((resolve) => {
			this.child.once('message', (answer) => resolve(answer as T));
			this.child.send(command);
		});
	}

	async start(options: EmulatorOptions, pairs: number, emptyCarts = false): Promise<string> {
		return (await this.ask<{ baseUrl: string }>({ type: 'start', options, pairs, emptyCarts })).baseUrl;
	}

	async traffic(): Promise<Traffic> {
		return await this.ask<Traffic>({ type: 'traffic' });
	}

	async stats(): Promise<StoreStats> {
		return await this.ask<StoreStats>({ type: 'stats' });
	}

	async stop(): Promise<void> {
		await this.ask({ type: 'stop' });
	}
}
