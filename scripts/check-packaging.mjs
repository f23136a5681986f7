// npm run check:packaging [-- --skip-build] [-- --keep]
//
// Packs the app with electron-builder exactly as configured in electron-builder.yml, but against a
// stand-in Electron (the real binary cannot be downloaded on these machines), then checks what a
// chair's machine would receive:
//   - app.asar holds the built app (main, preload, renderer, package.json) and nothing else of ours:
//     no sources, tests, benchmarks, TypeScript or devDependencies;
//   - the sandboxed preload bundle needs nothing but 'electron';
//   - the renderer's entry page loads nothing from the network;
//   - electron-builder flipped the Electron fuses we ask for. The stand-in carries a fuse wire in
//     Electron's format with Electron's defaults, so this proves our configuration is applied by
//     electron-builder's own fuse step. It cannot prove the real Electron 45 binary's wire has the
//     same layout (that needs the real binary: check with `npx @electron/fuses read --app <path>`).
// Exits non-zero on any failure.

import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync, mkdirSync, chmodSync } from 'node:fs';
import { builtinModules } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { Buffer } from 'node:buffer';
import process from 'node:process';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const bin = (name) => join(root, 'node_modules', '.bin', process.platform === 'win32' ? `${name}.cmd` : name);
const args = new Set(process.argv.slice(2));
const out = (line = '') => process.stdout.write(`${line}\n`);
const failures = [];
const fail = (message) => failures.push(message);

// What electron-builder.yml must set. Kept here on purpose: if someone weakens the YAML, this
// check fails instead of silently packaging a weaker app. Index = position in Electron's fuse wire.
const EXPECTED_FUSES = [
  { index: 0, name: 'RunAsNode', enabled: false },
  { index: 1, name: 'EnableCookieEncryption', enabled: true },
  { index: 2, name: 'EnableNodeOptionsEnvironmentVariable', enabled: false },
  { index: 3, name: 'EnableNodeCliInspectArguments', enabled: false },
  { index: 4, name: 'EnableEmbeddedAsarIntegrityValidation', enabled: true },
  { index: 5, name: 'OnlyLoadAppFromAsar', enabled: true },
  { index: 7, name: 'GrantFileProtocolExtraPrivileges', enabled: false },
];
// Electron's fuse sentinel, then version 1, wire length, and one byte per fuse ('0'/'1').
const FUSE_SENTINEL = 'dL7pKGdnNz796PbbjQWNKmHXBZaB9tsX';
// Electron's defaults, so every expected value above must actually be flipped to pass.
const DEFAULT_WIRE = '10110001';

const REQUIRED = ['/out/main/index.js', '/out/preload/preload.cjs', '/out/renderer/index.html', '/package.json'];
const SOURCE_FOLDERS = ['main', 'domain', 'renderer', 'templates', 'test', 'bench', 'scripts', 'build', '.ci', 'src'];

function run(command, commandArgs, options = {}) {
  const result = spawnSync(command, commandArgs, { cwd: root, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024, ...options });
  if (result.error) throw result.error;
  return result;
}

function readFuseWire(file) {
  const bytes = readFileSync(file);
  const at = bytes.indexOf(FUSE_SENTINEL);
  if (at === -1) return null;
  const start = at + FUSE_SENTINEL.length;
  const length = bytes[start + 1];
  return { version: bytes[start], wire: bytes.subarray(start + 2, start + 2 + length).toString('latin1') };
}

function standInElectron(dir, version) {
  mkdirSync(dir, { recursive: true });
  const body = Buffer.concat([
    Buffer.from('stand-in for the Electron binary (not runnable)\n'),
    Buffer.from(FUSE_SENTINEL, 'latin1'),
    Buffer.from([1, DEFAULT_WIRE.length]),
    Buffer.from(DEFAULT_WIRE, 'latin1'),
    Buffer.from('\n'),
  ]);
  writeFileSync(join(dir, 'electron'), body);
  chmodSync(join(dir, 'electron'), 0o755);
  writeFileSync(join(dir, 'version'), version);
  // No default_app.asar: with asar integrity on, electron-builder hashes every .asar in
  // resources/, and an empty stand-in archive has no header to hash.
  mkdirSync(join(dir, 'resources'), { recursive: true });
  writeFileSync(join(dir, 'LICENSE'), 'stand-in');
}

/** Every package the production dependencies need at run time (non-optional `dependencies`, transitively). */
function productionClosure() {
  const manifest = (dir) => JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8'));
  const seen = new Set();
  const queue = Object.keys(manifest(root).dependencies ?? {}).map((name) => ({ name, from: root }));
  while (queue.length > 0) {
    const { name, from } = queue.shift();
    if (seen.has(name)) continue;
    // Node's lookup: nested node_modules first, then up towards the project root.
    let dir = from;
    let found = null;
    for (;;) {
      const candidate = join(dir, 'node_modules', name);
      if (existsSync(join(candidate, 'package.json'))) {
        found = candidate;
        break;
      }
      if (dir === root || dirname(dir) === dir) break;
      dir = dirname(dir);
    }
    if (found === null) {
      fail(`production dependency ${name} is not installed`);
      seen.add(name);
      continue;
    }
    seen.add(name);
    const pkg = manifest(found);
    const optional = new Set(Object.keys(pkg.optionalDependencies ?? {}));
    for (const dep of Object.keys(pkg.dependencies ?? {})) if (!optional.has(dep)) queue.push({ name: dep, from: found });
  }
  return seen;
}

function checkBuildOutput() {
  for (const file of ['out/main/index.js', 'out/preload/preload.cjs', 'out/renderer/index.html']) {
    if (!existsSync(join(root, file))) {
      out(`Missing ${file}: run \`npm run build\` first (or drop --skip-build).`);
      process.exit(1);
    }
  }
  // A sandboxed preload can require only 'electron' (and a few polyfilled built-ins): anything
  // else means electron-vite left a dependency external and the preload would fail to load.
  const preload = readFileSync(join(root, 'out/preload/preload.cjs'), 'utf8');
  const requires = [...preload.matchAll(/require\(\s*["'`]([^"'`]+)["'`]\s*\)/g)].map((m) => m[1]);
  const strays = requires.filter((name) => name !== 'electron');
  if (strays.length > 0) fail(`preload.cjs requires ${strays.join(', ')}; only 'electron' is allowed in the sandbox`);
  if (/\bimport\s*\(|^\s*import\s/m.test(preload)) fail('preload.cjs contains ES module syntax; the sandbox needs CommonJS');

  // No remote scripts, styles or images in the entry page (the CSP would block them anyway).
  const html = readFileSync(join(root, 'out/renderer/index.html'), 'utf8');
  if (/\s(?:src|href)\s*=\s*["']?(?:https?:)?\/\//i.test(html)) fail('out/renderer/index.html refers to a remote resource');
  return { preloadBytes: Buffer.byteLength(preload), preloadRequires: requires };
}

// 1. Build (unless told the caller already did).
if (!args.has('--skip-build')) {
  out('Building with electron-vite …');
  const build = run(bin('electron-vite'), ['build']);
  if (build.status !== 0) {
    process.stdout.write(build.stdout);
    process.stderr.write(build.stderr);
    out('The build failed, so packaging was not checked.');
    process.exit(1);
  }
}
const buildInfo = checkBuildOutput();

// 2. Pack with a stand-in Electron into a temporary folder.
const electronVersion = JSON.parse(readFileSync(join(root, 'node_modules/electron/package.json'), 'utf8')).version;
const devDependencies = Object.keys(JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')).devDependencies ?? {});
const runtimeClosure = productionClosure();
const work = mkdtempSync(join(tmpdir(), 'check-packaging-'));
const electronDist = join(work, 'electron-dist');
const outputDir = join(work, 'dist');
standInElectron(electronDist, electronVersion);

const started = Date.now();
const pack = run(
  bin('electron-builder'),
  [
    '--linux',
    'dir',
    '--x64',
    '--publish',
    'never',
    `-c.electronDist=${electronDist}`,
    `-c.electronVersion=${electronVersion}`,
    `-c.directories.output=${outputDir}`,
  ],
  { env: { ...process.env, CSC_IDENTITY_AUTO_DISCOVERY: 'false', ELECTRON_BUILDER_CACHE: join(work, 'cache') } },
);
const packSeconds = ((Date.now() - started) / 1000).toFixed(1);
if (pack.status !== 0) {
  process.stdout.write(pack.stdout);
  process.stderr.write(pack.stderr);
  out(`electron-builder failed after ${packSeconds} s.`);
  if (!args.has('--keep')) rmSync(work, { recursive: true, force: true });
  process.exit(1);
}

const unpacked = join(outputDir, 'linux-unpacked');
const asarPath = join(unpacked, 'resources', 'app.asar');
if (!existsSync(asarPath)) fail(`no app.asar at ${asarPath} (is asar: true set?)`);

// 3. What is inside app.asar.
let entries = [];
if (existsSync(asarPath)) {
  const listing = run(bin('asar'), ['list', asarPath]);
  if (listing.status !== 0) fail(`asar list failed: ${listing.stderr.trim()}`);
  entries = listing.stdout
    .split(/\r?\n/)
    .filter(Boolean)
    .map((line) => line.replaceAll('\\', '/'));
}
const entrySet = new Set(entries);
for (const file of REQUIRED) if (!entrySet.has(file)) fail(`app.asar lacks ${file}`);

const topLevel = new Set(entries.map((entry) => entry.split('/')[1]));
for (const folder of SOURCE_FOLDERS) if (topLevel.has(folder)) fail(`app.asar contains the source folder /${folder}/`);
const unexpectedTop = [...topLevel].filter((name) => !['out', 'node_modules', 'package.json'].includes(name));
if (unexpectedTop.length > 0) fail(`app.asar has unexpected top-level entries: ${unexpectedTop.join(', ')}`);

if (entrySet.has('/out/main/shell.js')) fail('app.asar contains the browser shell (out/main/shell.js); the desktop app must not ship an HTTP server');
const typescript = entries.filter((entry) => /\.(?:ts|tsx|mts|cts)$/.test(entry));
if (typescript.length > 0) fail(`app.asar contains ${typescript.length} TypeScript file(s), e.g. ${typescript.slice(0, 3).join(', ')}`);
const maps = entries.filter((entry) => entry.endsWith('.map'));
if (maps.length > 0) fail(`app.asar contains ${maps.length} source map(s), e.g. ${maps[0]}`);
const testish = entries.filter((entry) => /\/(?:test|tests|__tests__|bench|fixtures)\//.test(entry) && !entry.startsWith('/node_modules/'));
if (testish.length > 0) fail(`app.asar contains test or benchmark files, e.g. ${testish[0]}`);

// Packages at any depth, by name (node_modules/@scope/name or node_modules/name).
const packages = new Set();
for (const entry of entries) {
  const match = entry.match(/^(?:.*\/)?node_modules\/((?:@[^/]+\/)?[^/]+)\/package\.json$/);
  if (match) packages.add(match[1]);
}
// Every package the built main process imports must be in the archive (or be Electron/Node).
const builtins = new Set(builtinModules);
const mainImports = new Set();
for (const entry of entries.filter((e) => e.startsWith('/out/main/') && /\.(?:c|m)?js$/.test(e))) {
  const code = readFileSync(join(root, entry), 'utf8');
  for (const match of code.matchAll(/(?:\bfrom\s*|\bimport\s*\(?\s*|\brequire\(\s*)["']([^"'./][^"']*)["']/g)) {
    const specifier = match[1];
    // Only what could be a package name: a template's label such as "Where the harm comes from"
    // followed by a quote also matches the pattern above.
    if (!/^(?:@[a-z0-9][\w.~-]*\/)?[a-z0-9][\w.~-]*(?:\/[^\s,]*)?$/.test(specifier)) continue;
    const name = specifier.startsWith('@') ? specifier.split('/').slice(0, 2).join('/') : specifier.split('/')[0];
    if (name === 'electron' || name.startsWith('node:') || builtins.has(name)) continue;
    mainImports.add(name);
  }
}
const unresolved = [...mainImports].filter((name) => !packages.has(name));
if (unresolved.length > 0) fail(`out/main imports packages missing from app.asar: ${unresolved.join(', ')}`);

const shippedDev = devDependencies.filter((name) => packages.has(name) && !runtimeClosure.has(name));
if (shippedDev.length > 0) fail(`app.asar contains devDependencies: ${shippedDev.join(', ')}`);
// The reverse mistake is worse: main leaves its dependencies external, so a production
// dependency (or one of theirs) missing from the archive is a crash on the chair's machine.
const missing = [...runtimeClosure].filter((name) => !packages.has(name));
if (missing.length > 0) fail(`app.asar lacks runtime packages: ${missing.slice(0, 10).join(', ')}`);

// 4. Fuses on the packed (renamed) stand-in executable.
const executable = join(unpacked, 'conference-recorder');
const fuseReport = [];
if (!existsSync(executable)) {
  fail('the packed executable conference-recorder was not found (check linux.executableName)');
} else {
  const fuses = readFuseWire(executable);
  if (fuses === null) fail('the fuse wire is missing from the packed executable');
  else {
    for (const { index, name, enabled } of EXPECTED_FUSES) {
      const actual = fuses.wire[index];
      const ok = actual === (enabled ? '1' : '0');
      fuseReport.push(`${ok ? 'ok ' : 'BAD'} ${name}=${actual === '1' ? 'on' : 'off'}`);
      if (!ok) fail(`fuse ${name} is ${actual === '1' ? 'on' : 'off'}; electron-builder.yml should turn it ${enabled ? 'on' : 'off'}`);
    }
  }
}

// 5. Icons and identity: every icon electron-builder.yml names exists at the size it must have,
// and the configuration claims no domain or maintainer the project does not own.
const pngSize = (file) => {
  const bytes = readFileSync(file);
  return bytes.toString('latin1', 1, 4) === 'PNG' ? { width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20) } : null;
};
const iconReport = [];
for (const size of [16, 32, 48, 64, 128, 256, 512]) {
  const file = join(root, 'build', 'icons', `${size}x${size}.png`);
  const found = existsSync(file) ? pngSize(file) : null;
  if (found?.width !== size || found?.height !== size) fail(`build/icons/${size}x${size}.png is missing or not ${size}×${size} (run scripts/make-icons.sh)`);
  else iconReport.push(String(size));
}
const macIcon = join(root, 'build', 'icon.png');
if (!existsSync(macIcon) || (pngSize(macIcon)?.width ?? 0) < 512) fail('build/icon.png is missing or smaller than 512 px');
const winIcon = join(root, 'build', 'icon.ico');
if (!existsSync(winIcon) || readFileSync(winIcon).readUInt16BE(0) !== 0 || readFileSync(winIcon).readUInt16LE(2) !== 1) {
  fail('build/icon.ico is missing or not an icon file');
}
const builderYml = readFileSync(join(root, 'electron-builder.yml'), 'utf8');
if (/^appId:\s*(uk\.gov|gov\.uk)\b/m.test(builderYml)) fail('appId claims a government domain the project does not own');
if (/example\.(invalid|com|org)|placeholder/i.test(builderYml)) fail('electron-builder.yml still holds a placeholder address');

// 6. Summary.
const asarBytes = existsSync(asarPath) ? statSync(asarPath).size : 0;
const ours = entries.filter((entry) => entry.startsWith('/out/'));
const topPackages = [...packages].filter((name) => entries.includes(`/node_modules/${name}/package.json`)).sort();
out('');
out(`Packed Linux dir target with a stand-in Electron ${electronVersion} in ${packSeconds} s`);
out(`app.asar: ${(asarBytes / 1024 / 1024).toFixed(2)} MB, ${entries.length} entries (${ours.length} under /out, ${entries.length - ours.length - 1} from node_modules)`);
out(`ours: ${ours.filter((entry) => /\.[a-z0-9]+$/i.test(entry)).join(', ')}`);
out(`top-level packages (${topPackages.length}): ${topPackages.join(', ') || 'none'}`);
out(`all packages: ${packages.size} (production dependency closure: ${runtimeClosure.size})`);
out(`main imports: ${[...mainImports].sort().join(', ') || 'none'}`);
out(`preload.cjs: ${buildInfo.preloadBytes} bytes, requires: ${buildInfo.preloadRequires.join(', ') || 'nothing'}`);
out(`fuses: ${fuseReport.join('; ')}`);
out(`icons: ${iconReport.join(', ')} px PNGs, icon.png, icon.ico`);
out('Not checked here: the real Electron binary (its fuse layout, asar integrity on macOS/Windows), AppImage/deb/NSIS/DMG targets (their tools download).');

if (args.has('--keep')) out(`kept: ${work}`);
else rmSync(work, { recursive: true, force: true });

if (failures.length > 0) {
  out('');
  out(`Packaging check FAILED (${failures.length}):`);
  for (const failure of failures) out(`  - ${failure}`);
  process.exit(1);
}
out('Packaging check passed.');
