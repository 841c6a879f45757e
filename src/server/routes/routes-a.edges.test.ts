/**
 * The API routes at their edges, part A (api, auth, devices, sync, self-join):
 * what the 2026-12-03 mutation run left that routes-edges.test.ts does not
 * already pin. Most of that run's survivors in these files are killed there or
 * are equivalent (docs/mutation-notes.json says which); this file holds the
 * rest. The app is built inside each test, so that its routes are set up while
 * the test runs.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testShop } from '../../shared/test-shop';
import { createServerApp } from '../app';
import { Store } from '../store/store';
import { backends, dropBackend } from '../test-backends';

describe.each(backends())('the API routes at their edges (part A), on %s', (_name, options) => {
  let store: Store;
  const now = 1_750_000_000_000;
  beforeAll(async () => {
    store = await Store.open(options);
  });
  afterAll(async () => {
    await store.close();
    await dropBackend(options);
  });

  const makeApp = () => createServerApp({ store, clock: () => now, signup: { mode: 'open' } });
  type App = ReturnType<typeof makeApp>;

  const call = async (app: App, method: string, path: string, json?: unknown) => {
    const res = await app.request(`/api${path}`, {
      method,
      headers: { 'content-type': 'application/json' },
      body: json === undefined ? undefined : JSON.stringify(json),
    });
    return { status: res.status, body: (await res.json()) as Record<string, unknown> };
  };

  // --- self-join.ts --------------------------------------------------------------------------

  it("checks a join link's shop id before the form: a phone on a link that cannot be a shop is told so", async () => {
    const app = makeApp();
    const noShop = {
      status: 404,
      body: { error: 'no_shop', message: 'No such shop on this server.' },
    };
    // Not a shop id (a dot, or over 40 characters): refused before the body is read, so an
    // empty or half-filled form on a mistyped link is about the link, not the form.
    for (const id of ['kopi.kita', 'S'.repeat(41)]) {
      expect({ id, ...(await call(app, 'POST', `/shops/${id}/self-join`, {})) }).toEqual({
        id,
        ...noShop,
      });
      expect({ id, ...(await call(app, 'POST', `/shops/${id}/claim-card`, {})) }).toEqual({
        id,
        ...noShop,
      });
      expect({ id, ...(await call(app, 'GET', `/shops/${id}/join-info`)) }).toEqual({
        id,
        ...noShop,
      });
    }
    // A well-formed id reaches the store: the form is read first, then the shop looked up.
    expect(await call(app, 'POST', '/shops/NOSUCHSHOP/self-join', {})).toMatchObject({
      status: 400,
      body: { error: 'invalid' },
    });
    expect(await call(app, 'GET', '/shops/NOSUCHSHOP/join-info')).toEqual({
      status: 404,
      body: { error: 'no_shop', message: 'This shop is not on this server. Ask at the counter.' },
    });
    // And a real shop's id passes the check.
    const shop = await testShop({ name: 'Kedai Senja' });
    const registered = await call(app, 'POST', '/shops', { shop, deviceName: 'Owner' });
    expect(registered.status).toBe(201);
    expect(await call(app, 'GET', `/shops/${shop.shopId}/join-info`)).toMatchObject({
      status: 200,
      body: { shopName: 'Kedai Senja' },
    });
  });
});
