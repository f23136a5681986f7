// Types for scripts/launch.mjs (plain JavaScript so that `npm start` needs no build step).
import type { ChildProcess } from 'node:child_process';

export declare const BROWSER_NAMES: readonly string[];
export declare function findBrowser(env?: NodeJS.ProcessEnv): string | null;
export declare function hasDisplay(env?: NodeJS.ProcessEnv, platform?: NodeJS.Platform): boolean;
export declare function launchPageHtml(url: string): string;
export declare function writeLaunchFile(url: string): { dir: string; file: string; remove: () => void };
export declare function browserArgs(options: { launchFile: string; profileDir: string; isRoot: boolean }): string[];
export declare function openAppWindow(browser: string, url: string): ChildProcess;
export declare function noDisplayMessage(url: string): string;
export declare function noBrowserMessage(url: string): string;
export declare function browserFailedMessage(url: string, detail: string): string;
