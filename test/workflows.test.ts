// The GitHub Actions workflows: each parses as YAML and passes GitHub's own workflow parser (schema,
// expressions, job graph), and ci.yml does what the README's "Releases" promises.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { convertWorkflowTemplate, NoOperationTraceWriter, parseWorkflow } from '@actions/workflow-parser';
import { describe, expect, it } from 'vitest';
import { parse, parseDocument } from 'yaml';
import { repoRoot } from './support/paths.js';

const workflowsDir = path.join(repoRoot, '.github', 'workflows');
const workflowFiles = readdirSync(workflowsDir).filter((name) => /\.ya?ml$/.test(name));

/** What these tests read of a workflow; the parser has checked the rest. */
interface Step {
  name?: string;
  uses?: string;
  run?: string;
  if?: string;
  with?: Record<string, unknown>;
}
interface Job {
  if?: string;
  needs?: string | string[];
  permissions?: Record<string, string>;
  strategy?: { matrix: { os?: string[]; include?: Record<string, string>[] } };
  steps: Step[];
}
interface Workflow {
  on: { push: { tags?: string[] } };
  env: Record<string, string>;
  jobs: Record<string, Job>;
}

/** The YAML parser's errors and warnings (duplicate keys among them), as messages. */
function yamlProblems(content: string): string[] {
  const document = parseDocument(content, { uniqueKeys: true, prettyErrors: false });
  return [...document.errors, ...document.warnings].map((problem) => problem.message);
}

/** GitHub's workflow parser's errors ("file (Line: 5, Col: 5): Unexpected value 'colour'"); none when valid. */
async function workflowErrors(name: string, content: string): Promise<string[]> {
  const parsed = parseWorkflow({ name, content }, new NoOperationTraceWriter());
  // Converting checks what the schema cannot: the job graph (`needs`), matrices, reusable workflows.
  if (parsed.value !== undefined) await convertWorkflowTemplate(parsed.context, parsed.value);
  return parsed.context.errors.getErrors().map((error) => error.message);
}

function read(file: string): string {
  return readFileSync(path.join(workflowsDir, file), 'utf8');
}

describe('every workflow', () => {
  it('exists: .github/workflows holds ci.yml', () => {
    expect(workflowFiles).toContain('ci.yml');
  });

  it.each(workflowFiles)('%s parses as YAML without duplicate keys', (file) => {
    expect(yamlProblems(read(file))).toEqual([]);
  });

  it.each(workflowFiles)('%s passes GitHub’s workflow parser', async (file) => {
    expect(await workflowErrors(file, read(file))).toEqual([]);
  });
});

describe('the workflow checks', () => {
  const job = (lines: string): string => `on: push\njobs:\n  build:\n${lines}`;

  it.each([
    ['an unknown key', job('    runs-on: ubuntu-latest\n    colour: blue\n    steps:\n      - run: echo hi\n'), "Unexpected value 'colour'"],
    ['a job without runs-on', job('    steps:\n      - run: echo hi\n'), 'Required property is missing: runs-on'],
    ['an unclosed expression', job('    runs-on: ${{ matrix.os }\n    steps:\n      - run: echo hi\n'), 'The expression is not closed'],
    ['a job needing one that does not exist', `${job('    runs-on: ubuntu-latest\n    steps:\n      - run: echo hi\n')}  test:\n    runs-on: ubuntu-latest\n    needs: lint\n    steps:\n      - run: echo hi\n`, 'lint'],
  ])('refuse %s', async (_what, content, message) => {
    const errors = await workflowErrors('bad.yml', content);
    expect(errors).toEqual([expect.stringContaining(message)]);
  });

  it('refuse a duplicate key', () => {
    expect(yamlProblems(job('    runs-on: ubuntu-latest\n    runs-on: macos-latest\n    steps:\n      - run: echo hi\n'))).toEqual([
      expect.stringContaining('unique'),
    ]);
  });
});

describe('ci.yml', () => {
  // Typed only after the parser has accepted the file (the tests above).
  const workflow = parse(read('ci.yml')) as Workflow;
  const jobs = workflow.jobs;
  const allSteps = Object.values(jobs).flatMap((j) => j.steps);
  const stepsUsing = (steps: Step[], action: string): Step[] => steps.filter((s) => s.uses?.startsWith(`${action}@`) === true);

  it('runs the tests on Linux, Windows and macOS', () => {
    expect(jobs['test']?.strategy?.matrix.os).toEqual(['ubuntu-latest', 'windows-latest', 'macos-latest']);
    expect(jobs['test']?.steps.some((s) => s.run?.includes('npm test') === true && s.if === "runner.os != 'Linux'")).toBe(true);
  });

  it("uses the Node that Electron's tooling asks for (node_modules/electron's engines)", () => {
    const engines = (JSON.parse(readFileSync(path.join(repoRoot, 'node_modules', 'electron', 'package.json'), 'utf8')) as { engines: { node: string } }).engines;
    const minimum = /^>=\s*(\d+\.\d+\.\d+)$/.exec(engines.node)?.[1];
    expect(minimum, `electron's engines.node is ${engines.node}`).toBeDefined();
    expect(workflow.env['NODE_VERSION']).toBe(`^${minimum ?? ''}`);
    const setups = stepsUsing(allSteps, 'actions/setup-node');
    expect(setups.length).toBeGreaterThan(0);
    for (const setup of setups) expect(setup.with?.['node-version']).toBe('${{ env.NODE_VERSION }}');
  });

  it('runs npm test under xvfb-run on Linux and fails if the Electron tests skipped there', () => {
    const linux = jobs['test']?.steps.filter((s) => s.if === "runner.os == 'Linux'") ?? [];
    expect(linux.some((s) => /^xvfb-run .*npm test/.test(s.run ?? ''))).toBe(true);
    const check = linux.find((s) => s.run?.includes('test/e2e/electron.test.ts') === true);
    expect(check?.run).toContain('test/packaging/packaged-app.test.ts');
  });

  it('never requires the research corpora, which are not there', () => {
    expect(read('ci.yml')).not.toMatch(/VERBATIM_REQUIRE_CORPORA\s*[:=]/);
  });

  it('pins every action by major version', () => {
    const uses = allSteps.flatMap((s) => (s.uses === undefined ? [] : [s.uses]));
    expect(uses.filter((u) => !/^[\w.-]+\/[\w.-]+@v\d+$/.test(u))).toEqual([]);
  });

  it('builds the installers only on a v* tag, after the tests pass', () => {
    expect(workflow.on.push.tags).toEqual(['v*']);
    expect(jobs['installers']?.if).toBe("startsWith(github.ref, 'refs/tags/v')");
    expect(jobs['installers']?.needs).toBe('test');
  });

  it('builds every installer electron-builder.yml declares and uploads it as a release asset', () => {
    const builder = parse(readFileSync(path.join(repoRoot, 'electron-builder.yml'), 'utf8')) as Record<string, { target?: string[] }>;
    /** The file each electron-builder target makes, as the workflow's `assets` globs name it. */
    const assetOf: Record<string, string> = { AppImage: 'release/*.AppImage', deb: 'release/*.deb', nsis: 'release/*Setup*.exe', dmg: 'release/*.dmg' };
    const builds = jobs['installers']?.strategy?.matrix.include ?? [];
    for (const platform of ['linux', 'win', 'mac']) {
      const targets = builder[platform]?.target ?? [];
      expect(targets.length, `electron-builder.yml: ${platform}.target`).toBeGreaterThan(0);
      const build = builds.find((b) => b['platform'] === `--${platform}`);
      expect(build, `an installers build with platform --${platform}`).toBeDefined();
      const assets = (build?.['assets'] ?? '').split('\n').filter((line) => line !== '');
      expect(assets).toEqual(targets.map((target) => assetOf[target] ?? `(no asset known for target ${target}: add it here and to ci.yml)`));
    }
    const release = jobs['release'];
    expect(release?.needs).toBe('installers');
    expect(release?.permissions).toEqual({ contents: 'write' });
    expect(stepsUsing(release?.steps ?? [], 'actions/download-artifact')[0]?.with).toMatchObject({ pattern: 'installers-*', 'merge-multiple': true });
    expect(stepsUsing(release?.steps ?? [], 'softprops/action-gh-release')[0]?.with).toMatchObject({ files: 'installers/*', fail_on_unmatched_files: true });
  });
});
