import Redis from "ioredis";

/** The Redis the tests use: TEST_REDIS_URL, or this machine's. */
export const TEST_REDIS_URL = process.env.TEST_REDIS_URL ?? "redis://127.0.0.1:6379";

/** A key prefix of this run's own, so tests never see or touch anyone else's keys. */
export const testRedisPrefix = () => `drawbridge-test-${Math.random().toString(36).slice(2, 10)}:`;

/**
 * A client under `prefix` that gives up at once when Redis doesn't answer (`up` is then false and
 * the caller skips its Redis tests), and `clear()`, which deletes every key under the prefix and
 * disconnects: call it in afterAll.
 */
export async function testRedis(prefix: string, url = TEST_REDIS_URL) {
  const client = new Redis(url, { keyPrefix: prefix, lazyConnect: true, maxRetriesPerRequest: 1, retryStrategy: () => null });
  client.on("error", () => {});
  const up = await client.connect().then(
    () => true,
    () => false,
  );
  const clear = async () => {
    if (up) {
      const keys = await client.keys(`${prefix}*`);
      if (keys.length) await client.del(...keys.map((key) => key.slice(prefix.length)));
    }
    client.disconnect();
  };
  return { client, up, clear };
}
