import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import * as bg from '@prisma/schema-engine-wasm/schema_engine_bg';
import type { SchemaEngine } from '@prisma/schema-engine-wasm';
import { bindMigrationAwareSqlAdapterFactory, type SqlMigrationAwareDriverAdapterFactory } from '@prisma/driver-adapter-utils';

export type { SchemaEngine };

let loading: Promise<void> | undefined;
let lastPanic: string | undefined;

/**
 * The package's own entry imports the .wasm file as an ES module, which Node 20 cannot do
 * without a flag; so we instantiate it by hand against the JS glue (`schema_engine_bg.js`).
 * The glue keeps the instance in module state, so this runs once per process.
 */
function loadSchemaEngineWasm(): Promise<void> {
  loading ??= (async () => {
    // The glue reports Rust panics through this global; without it a panic becomes a TypeError.
    (globalThis as Record<string, unknown>).PRISMA_WASM_PANIC_REGISTRY = {
      set_message(message: string) {
        lastPanic = message;
      },
    };
    const require = createRequire(import.meta.url);
    const gluePath = require.resolve('@prisma/schema-engine-wasm/schema_engine_bg');
    const bytes = await readFile(gluePath.replace(/\.js$/, '.wasm'));
    const glue = bg as unknown as Record<string, unknown> & { __wbg_set_wasm(exports: unknown): void };
    const imports: Record<string, unknown> = { ...glue };
    // The engine arms a 10 s timer that would keep a CLI or test process alive: unref it.
    for (const name of Object.keys(glue).filter((key) => key.startsWith('__wbg_setTimeout_'))) {
      const original = glue[name] as (fn: () => void, ms: number) => NodeJS.Timeout;
      imports[name] = (fn: () => void, ms: number) => original(fn, ms).unref();
    }
    const { instance } = await wasmApi().instantiate(bytes, { './schema_engine_bg.js': imports });
    glue.__wbg_set_wasm(instance.exports);
    (instance.exports as { __wbindgen_start(): void }).__wbindgen_start();
  })();
  return loading;
}

/** The global exists in Node, but this package's lib setting (ES2023, no DOM) does not declare it. */
function wasmApi() {
  type Instantiated = { instance: { exports: unknown } };
  return (globalThis as unknown as { WebAssembly: { instantiate(bytes: Uint8Array, imports: object): Promise<Instantiated> } })
    .WebAssembly;
}

/** Runs `fn` with a schema engine bound to `factory`; the engine is freed afterwards (adapters are not: callers close them). */
export async function withSchemaEngine<T>(
  factory: SqlMigrationAwareDriverAdapterFactory,
  schema: { path: string; content: string },
  fn: (engine: SchemaEngine) => Promise<T>,
  log: (message: string) => void = () => {},
): Promise<T> {
  await loadSchemaEngineWasm();
  const engine = await (bg as unknown as { SchemaEngine: typeof SchemaEngine }).SchemaEngine.new(
    { datamodels: [[schema.path, schema.content]] },
    log,
    bindMigrationAwareSqlAdapterFactory(factory),
  ).catch((error: unknown) => {
    throw withPanic(error);
  });
  try {
    return await fn(engine).catch((error: unknown) => {
      throw withPanic(error);
    });
  } finally {
    engine.free();
  }
}

function withPanic(error: unknown): unknown {
  if (lastPanic === undefined) return error;
  const message = `schema engine panicked: ${lastPanic}`;
  lastPanic = undefined;
  return new Error(message, { cause: error });
}
