/** The facts of the code the READMEs describe: stacks, Lambdas and their variables, routes, defaults. */
import { readdirSync } from "node:fs";
import { basename, dirname, join } from "node:path";
import { type RouteSpec, routes } from "@lapora/core/contract";
import * as Config from "@lapora/functions/config";
import ts from "typescript";
import { pushSettings } from "../../../../stacks/push-settings";
import { smsSettings } from "../../../../stacks/sms-settings";
import { cells, ROOT, read, ticked } from "./markdown";

// ---------- code

export const parse = (path: string) => ts.createSourceFile(path, read(path), ts.ScriptTarget.Latest, true);
export function walk(node: ts.Node, visit: (n: ts.Node) => void) {
  visit(node);
  ts.forEachChild(node, (child) => walk(child, visit));
}
export const propName = (p: ts.ObjectLiteralElementLike) =>
  p.name && ts.isIdentifier(p.name) ? p.name.text : "";

/** The stacks `sst.config.ts` composes, in `app.stack(...)` order, each checked to be its file's export. */
export function composedStacks(): string[] {
  const found: { name: string; at: number }[] = [];
  const imports = new Map<string, string>();
  walk(parse("sst.config.ts"), (n) => {
    if (ts.isImportDeclaration(n) && ts.isStringLiteral(n.moduleSpecifier)) {
      const bindings = n.importClause?.namedBindings;
      if (bindings && ts.isNamedImports(bindings))
        for (const e of bindings.elements) imports.set(e.name.text, n.moduleSpecifier.text);
    }
    if (ts.isCallExpression(n) && ts.isPropertyAccessExpression(n.expression)) {
      const arg = n.arguments[0];
      if (n.expression.name.text === "stack" && arg && ts.isIdentifier(arg))
        found.push({ name: arg.text, at: arg.getStart() });
    }
  });
  return found
    .sort((a, b) => a.at - b.at)
    .map(({ name }) => {
      const file = `${imports.get(name) ?? ""}.ts`;
      if (!read(file).includes(`export function ${name}(`))
        throw new Error(`${file} does not export ${name}`);
      return name;
    });
}

export interface StackLambda {
  name: string;
  stack: string;
  entry: string;
  schema: string;
  /** The variables the stack's `environment` sets. */
  sets: string[];
}

/** Every function the stacks define with an `environment` typed `satisfies <Schema>ironment`. */
export function stackLambdas(): StackLambda[] {
  const out: StackLambda[] = [];
  for (const file of readdirSync(join(ROOT, "stacks")).filter((f) => /^[A-Z]\w*\.ts$/.test(f))) {
    const source = parse(`stacks/${file}`);
    // `environment: name`, where `const name = { ... } satisfies XEnvironment` (one set for several functions).
    const consts = new Map<string, ts.Expression>();
    walk(source, (n) => {
      if (ts.isVariableDeclaration(n) && ts.isIdentifier(n.name) && n.initializer)
        consts.set(n.name.text, n.initializer);
    });
    walk(source, (n) => {
      if (!ts.isObjectLiteralExpression(n)) return;
      const prop = (key: string) =>
        n.properties.find(
          (p): p is ts.PropertyAssignment => ts.isPropertyAssignment(p) && propName(p) === key,
        );
      const handler = prop("handler")?.initializer;
      const given = prop("environment")?.initializer;
      const env = given && ts.isIdentifier(given) ? consts.get(given.text) : given;
      if (!handler || !ts.isStringLiteral(handler) || !env || !ts.isSatisfiesExpression(env)) return;
      if (!ts.isObjectLiteralExpression(env.expression)) return;
      const entry = handler.text.replace(/\.\w+$/, ".ts");
      const base = basename(entry, ".ts");
      out.push({
        name: base === "handler" ? basename(dirname(entry)) : base,
        stack: basename(file, ".ts"),
        entry,
        schema: env.type.getText().replace(/ironment$/, ""),
        sets: env.expression.properties.map(propName),
      });
    });
  }
  return out;
}

export const schemas = Config as unknown as Record<string, { shape?: Record<string, unknown> }>;
export const envKeys = (schema: string) => Object.keys(schemas[schema]?.shape ?? {});

/** The local runtime's variables and their defaults, from the schema in packages/local/src/config.ts. */
export function localVariables(): Map<string, string> {
  const out = new Map<string, string>();
  walk(parse("packages/local/src/config.ts"), (n) => {
    if (!ts.isCallExpression(n) || n.expression.getText() !== "z.object") return;
    const shape = n.arguments[0];
    if (!shape || !ts.isObjectLiteralExpression(shape)) return;
    for (const p of shape.properties) {
      const init = ts.isPropertyAssignment(p) ? p.initializer : undefined;
      const fallback =
        init && ts.isCallExpression(init) && init.expression.getText() === "z._default"
          ? init.arguments[1]
          : undefined;
      out.set(
        propName(p),
        fallback && ts.isStringLiteral(fallback) ? fallback.text : (fallback?.getText() ?? ""),
      );
    }
  });
  return out;
}

/** The variables a deploy reads from the shell: what smsSettings reads, and any `process.env.X` in stacks. */
export function deployVariables(): string[] {
  const seen = new Set<string>();
  const env = new Proxy({} as Record<string, string | undefined>, {
    get: (_, key) => {
      if (typeof key === "string") seen.add(key);
      return undefined;
    },
  });
  smsSettings("prod", env);
  pushSettings("prod", env);
  for (const file of ["sst.config.ts", ...readdirSync(join(ROOT, "stacks")).map((f) => `stacks/${f}`)]) {
    if (!/\.test\.ts$|test-app\.ts$/.test(file))
      for (const m of read(file).matchAll(/process\.env\.(\w+)/g)) seen.add(m[1] ?? "");
  }
  return [...seen];
}

/** A deploy-time variable's default in a stage: the setting that changes when the variable is set. */
export function deployDefault(variable: string, stage: string): string | undefined {
  for (const settings of [smsSettings, pushSettings] as const) {
    const base = settings(stage, {}) as unknown as Record<string, string | undefined>;
    for (const probe of ["7", "A7", "https://x.example", "mailto:a@b.example"]) {
      try {
        const set = settings(stage, { [variable]: probe }) as unknown as Record<string, string | undefined>;
        const field = Object.keys(set).find((k) => set[k] !== base[k]);
        if (field) return base[field];
      } catch {
        // The probe is not a valid value for this variable: try the next.
      }
    }
  }
  return undefined;
}

export const routeName = (spec: RouteSpec) => `${spec.method.toUpperCase()} ${spec.path}`;
export const ROUTES = Object.values(routes as Record<string, RouteSpec>);
export const ROUTE_HEADINGS: Record<RouteSpec["tag"], string> = {
  meta: "Public",
  public: "Public",
  auth: "Sign-in",
  officer: "Officers",
  admin: "Admin",
};
export const documentedRoutes = (text: string) =>
  text
    .split("\n")
    .filter((l) => l.startsWith("|"))
    .map((l) => ticked(cells(l)[0])[0] ?? "")
    .filter((t) => /^(GET|POST|PUT|PATCH|DELETE) \/api\//.test(t));
