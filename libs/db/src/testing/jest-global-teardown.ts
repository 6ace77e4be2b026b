export default async function globalTeardown(): Promise<void> {
  await (globalThis as { __clausewatchDatabase?: { stop(): Promise<void> } }).__clausewatchDatabase?.stop();
}
