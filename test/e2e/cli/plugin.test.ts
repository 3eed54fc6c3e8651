// The executable as kubectl users meet it: discovered by the real kubectl as the plugin `gs`, flags
// passed through, exit codes, help on stdout, errors as one line on stderr, completion through kubectl.
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { distDir, kubectlGs, kubectlPath, repoRoot, run } from '../support/env';

const pathWithDist = `${distDir}:/usr/bin:/bin`;

describe('kubectl gs (the built executable through the real kubectl)', () => {
  it('is listed by kubectl plugin list', async () => {
    const r = await run(kubectlPath, ['plugin', 'list'], { env: { PATH: pathWithDist } });
    expect(r.stdout).toContain(join(distDir, 'kubectl-gs'));
  });

  it('runs with no Node on PATH (one self-contained executable)', async () => {
    const emptyBin = mkdtempSync(join(tmpdir(), 'kgs-nonode-'));
    expect(existsSync(join(emptyBin, 'node'))).toBe(false);
    // kubectl is called by its full path; PATH holds only dist/ and an empty folder: no node anywhere.
    const r = await kubectlGs(['version', '-o', 'json'], { env: { PATH: emptyBin } });
    expect(r.code).toBe(0);
    const info = JSON.parse(r.stdout);
    // The Node pinned in package.json, which is the base binary's.
    expect(info.nodeVersion).toBe(`v${JSON.parse(readFileSync(join(repoRoot, 'package.json'), 'utf8')).engines.node}`);
    expect(info.platform).toBe('linux/amd64');
    expect(info.version).toMatch(/^\d+\.\d+\.\d+/);
    expect(info.gitCommit).toMatch(/^[0-9a-f]{12}$|^unknown$/);
  });

  it('starts from the code cache built into it, and so writes none of its own (src/seaCodeCache.ts)', async () => {
    const home = mkdtempSync(join(tmpdir(), 'kgs-home-'));
    const env = { HOME: home, XDG_CACHE_HOME: join(home, '.cache') };
    expect((await kubectlGs(['template', 'organization', '--name', 'acme'], { env })).code).toBe(0);
    expect((await kubectlGs(['version'], { env })).code).toBe(0);
    expect(existsSync(join(home, '.cache', 'kubectl-gs', 'code-cache'))).toBe(false);
  });

  it('prints help on stdout and exits 0', async () => {
    const r = await kubectlGs(['--help']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('kubectl gs <command>');
    expect(r.stdout).toContain('--kubeconfig');
    expect(r.stderr).toBe('');
  });

  it('prints "kubectl gs version <v>" for --version', async () => {
    const r = await kubectlGs(['--version']);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^kubectl gs version \d+\.\d+\.\d+\S*\n$/);
  });

  it('answers a mistyped command with one line, a suggestion and exit 1', async () => {
    const r = await kubectlGs(['verison']);
    expect(r.code).toBe(1);
    expect(r.stdout).toBe('');
    expect(r.stderr).toBe('error: unknown command "verison" for "kubectl gs"; did you mean "version"?\n');
    expect(r.stderr).not.toMatch(/\n\s+at /);
  });

  it('rejects an unknown flag with exit 1', async () => {
    const r = await kubectlGs(['version', '--bogus-flag']);
    expect(r.code).toBe(1);
    expect(r.stderr).toBe("error: unknown flag: --bogus-flag; see 'kubectl gs version --help'\n");
  });

  it('accepts kubectl\'s connection flags passed through by kubectl', async () => {
    const r = await kubectlGs(['version', '--kubeconfig', '/nonexistent', '--context', 'c', '-n', 'ns', '--cluster', 'x',
      '--user', 'u', '--server', 'https://127.0.0.1:1', '--token', 't', '--as', 'a', '--as-group', 'g', '--request-timeout', '1s',
      '--insecure-skip-tls-verify', '--certificate-authority', 'ca', '--client-certificate', 'cc', '--client-key', 'ck',
      '--debug', '--disable-version-check']);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
  });

  it('is completed by kubectl through kubectl_complete-gs', async () => {
    const r = await run(kubectlPath, ['__complete', 'gs', 'ver'], { env: { PATH: pathWithDist } });
    // kubectl passes the plugin's candidates on as they are, descriptions included.
    expect(r.stdout.split('\n')).toContain('version\tPrint the version of kubectl gs');
    const shells = await run(kubectlPath, ['__complete', 'gs', 'completion', ''], { env: { PATH: pathWithDist } });
    expect(shells.stdout.split('\n')).toEqual(expect.arrayContaining(['bash', 'zsh', 'fish', 'powershell']));
    const outputs = await run(kubectlPath, ['__complete', 'gs', 'get', 'clusters', '-o', 'js'], { env: { PATH: pathWithDist } });
    expect(outputs.stdout.split('\n').slice(0, -2)).toEqual(['json', 'jsonpath', 'jsonpath-as-json', 'jsonpath-file']);
  });

  it('prints a bash completion script that completes commands in a real bash', async () => {
    const script = await kubectlGs(['completion', 'bash']);
    expect(script.code).toBe(0);
    const dir = mkdtempSync(join(tmpdir(), 'kgs-compl-'));
    const file = join(dir, 'kubectl-gs.bash');
    writeFileSync(file, script.stdout);
    const probe = `source ${file}; COMP_WORDS=(kubectl-gs comp); COMP_CWORD=1; _kubectl_gs_complete; echo "\${COMPREPLY[@]}"`;
    const r = await run('bash', ['-c', probe], { env: { PATH: pathWithDist } });
    expect(r.stdout.trim()).toBe('completion');
  });

  it.each(['zsh', 'fish', 'powershell'])('prints a %s completion script that calls the executable', async (shell) => {
    const r = await kubectlGs(['completion', shell]);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('kubectl-gs __complete');
  });
});
