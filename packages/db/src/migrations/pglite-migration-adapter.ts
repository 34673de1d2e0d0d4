import { PGlite } from '@electric-sql/pglite';
import { PrismaPGlite } from 'pglite-prisma-adapter';
import type { SqlDriverAdapter, SqlMigrationAwareDriverAdapterFactory } from '@prisma/driver-adapter-utils';

export interface ClosableAdapterFactory extends SqlMigrationAwareDriverAdapterFactory {
  /** Closes what the factory opened (the engine's `free()` closes nothing). */
  close(): Promise<void>;
}

/**
 * pglite-prisma-adapter for the schema engine, with two fixes: `executeScript` is awaited (0.7.2
 * fires and forgets it, so a failing script looked successful), and the shadow database is a
 * fresh in-memory PGlite per request, closed on dispose (0.7.2 opens one and never closes it).
 */
export function createPGliteMigrationAdapter(pglite: PGlite): ClosableAdapterFactory {
  const shadows = new Set<PGlite>();
  const base = new PrismaPGlite(pglite);
  return {
    provider: 'postgres',
    adapterName: base.adapterName,
    async connect() {
      return awaitScripts(await base.connect(), pglite);
    },
    async connectToShadowDb() {
      const shadow = await PGlite.create();
      shadows.add(shadow);
      const adapter = awaitScripts(await new PrismaPGlite(shadow).connect(), shadow);
      adapter.dispose = async () => {
        shadows.delete(shadow);
        await shadow.close();
      };
      return adapter;
    },
    async close() {
      await Promise.all([...shadows].map((shadow) => shadow.close()));
      shadows.clear();
    },
  };
}

function awaitScripts(adapter: SqlDriverAdapter, pglite: PGlite): SqlDriverAdapter {
  // onError turns a PGlite DatabaseError into the DriverAdapterError the engine understands.
  const toAdapterError = (adapter as unknown as { onError(error: unknown): never }).onError.bind(adapter);
  adapter.executeScript = async (script: string) => {
    try {
      await pglite.exec(script);
    } catch (error) {
      toAdapterError(error);
    }
  };
  return adapter;
}
