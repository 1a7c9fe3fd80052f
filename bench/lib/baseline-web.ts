/**
 * A past commit's web app, built beside the working tree for a bench to compare against: a detached
 * `git worktree` in a temporary directory, whose node_modules reuse the main tree's third-party packages
 * but point the workspace packages (`@lapora/*`) at the worktree's own sources. Without that, the
 * baseline would be bundled from today's core and web (the main tree's `@lapora/*` are symlinks into
 * `packages/`). The baseline is built by its own `build` script, with this process's environment.
 */
import { spawn, spawnSync } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

export interface BaselineWeb {
  /** The ref asked for and the commit it names. */
  ref: string;
  commit: string;
  /** The worktree's root and its web app's dist/. */
  root: string;
  dist: string;
  /** The build script that makes dist/ (the baseline's, not today's). */
  buildScript: string;
  /** Runs that script (`npm run build` in the worktree's packages/web) with this process's environment. */
  build(): Promise<void>;
  /** Removes the worktree and its temporary directory; safe to call twice, and at any time. */
  remove(): void;
}

/**
 * Runs `npm run <script>` in `cwd` without blocking this process (so a Ctrl-C can still clean up);
 * rejects with its output if it fails.
 */
export function npmRun(cwd: string, script: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn("npm", ["run", script], { cwd, env: process.env, stdio: ["ignore", "pipe", "pipe"] });
    let output = "";
    child.stdout.on("data", (d: Buffer) => {
      output += d.toString();
    });
    child.stderr.on("data", (d: Buffer) => {
      output += d.toString();
    });
    child.on("error", reject);
    child.on("close", (code) =>
      code === 0 ? resolve() : reject(new Error(`npm run ${script} in ${cwd} failed:\n${output}`)),
    );
  });
}

// Caches are per tree; sharing the main tree's would mix two builds' files.
const NOT_SHARED = new Set(["@lapora", ".cache", ".vite", ".vite-temp"]);

function git(repoRoot: string, args: string[]): string {
  const r = spawnSync("git", ["-C", repoRoot, ...args], { encoding: "utf8" });
  if (r.status !== 0) throw new Error(`git ${args.join(" ")} failed:\n${r.stderr}`);
  return r.stdout.trim();
}

/** node_modules for the worktree: links to the main tree's entries, and `@lapora/*` to its own packages. */
function linkNodeModules(repoRoot: string, root: string): void {
  const modules = join(root, "node_modules");
  mkdirSync(join(modules, "@lapora"), { recursive: true });
  for (const entry of readdirSync(join(repoRoot, "node_modules"))) {
    if (!NOT_SHARED.has(entry)) symlinkSync(join(repoRoot, "node_modules", entry), join(modules, entry));
  }
  for (const pkg of readdirSync(join(root, "packages"))) {
    const dir = join(root, "packages", pkg);
    if (!existsSync(join(dir, "package.json"))) continue;
    const name = (JSON.parse(readFileSync(join(dir, "package.json"), "utf8")) as { name?: string }).name;
    if (name?.startsWith("@lapora/")) symlinkSync(dir, join(modules, name));
    // A package's own node_modules (versions npm could not hoist) hold no workspace package: share them.
    const own = join(repoRoot, "packages", pkg, "node_modules");
    if (existsSync(own) && !existsSync(join(dir, "node_modules")))
      symlinkSync(own, join(dir, "node_modules"));
  }
}

/** Checks out `ref` into a temporary worktree, ready to build() its web app; remove() it when done. */
export function prepareBaselineWeb(repoRoot: string, ref: string): BaselineWeb {
  const commit = git(repoRoot, ["rev-parse", "--verify", `${ref}^{commit}`]);
  const tmp = mkdtempSync(join(tmpdir(), "lapora-bench-baseline-"));
  const root = join(tmp, "tree");
  let added = false;
  const remove = () => {
    // Links first (rm never follows a link, but the main tree's node_modules must not be at stake).
    rmSync(join(root, "node_modules"), { recursive: true, force: true });
    if (existsSync(join(root, "packages"))) {
      for (const pkg of readdirSync(join(root, "packages"))) {
        rmSync(join(root, "packages", pkg, "node_modules"), { recursive: true, force: true });
      }
    }
    if (added) {
      spawnSync("git", ["-C", repoRoot, "worktree", "remove", "--force", root], { encoding: "utf8" });
      added = false;
    }
    rmSync(tmp, { recursive: true, force: true });
    spawnSync("git", ["-C", repoRoot, "worktree", "prune"], { encoding: "utf8" });
  };
  try {
    git(repoRoot, ["worktree", "add", "--detach", root, commit]);
    added = true;
    linkNodeModules(repoRoot, root);
    const web = join(root, "packages/web");
    const pkg = JSON.parse(readFileSync(join(web, "package.json"), "utf8")) as {
      scripts?: Record<string, string>;
    };
    const buildScript = pkg.scripts?.build;
    if (!buildScript) throw new Error(`packages/web has no build script at ${ref}`);
    const build = () => npmRun(web, "build");
    return { ref, commit, root, dist: join(web, "dist"), buildScript, build, remove };
  } catch (err) {
    remove();
    throw err;
  }
}
