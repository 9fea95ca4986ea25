// An adviser's calendar feed, read by ical.js (the parser behind Thunderbird's calendar) from a real
// `cma serve --demo`: every appointment is an event at the right UTC instant, text survives escaping
// and line folding, client names appear only when the centre allows, and a revoked URL is 404.
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { fileURLToPath } from 'node:url';
import ICAL from 'ical.js';

const here = dirname(fileURLToPath(import.meta.url));
const cmaBinary = process.env.CMA_BINARY ?? resolve(here, '../../../../build/ci/bin/cma');

async function startServer() {
  const dataDir = mkdtempSync(join(tmpdir(), 'cma-feeds-'));
  const child = spawn(cmaBinary, ['serve', '--demo', '--port', '0'], {
    env: {
      PATH: process.env.PATH ?? '/usr/bin:/bin',
      DATABASE_URL: `sqlite:///${dataDir}/cma.db`,
      DATA_DIR: dataDir,
      JWT_SECRET: randomBytes(32).toString('hex'),
      IO_THREADS: '2',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const port = await new Promise((resolvePort, reject) => {
    const timer = setTimeout(() => reject(new Error(`cma serve did not start in 60 s:\n${output}`)), 60_000);
    const onData = (chunk) => {
      output += chunk.toString();
      const match = /"event":"server\.listening".*?"port":(\d+)/.exec(output);
      if (match) {
        clearTimeout(timer);
        resolvePort(Number(match[1]));
      }
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', onData);
    child.on('exit', (code) => reject(new Error(`cma serve exited (${code}):\n${output}`)));
  });
  const logins = [];
  for (const line of readFileSync(join(dataDir, 'demo-logins.txt'), 'utf8').split('\n')) {
    const m = /^\s*(\S+@\S+)\s+\((\w+), centre (\w+)\)\s+password: (\S+)/.exec(line);
    if (m) logins.push({ email: m[1], role: m[2], centre: m[3], password: m[4] });
  }
  return {
    url: `http://127.0.0.1:${port}`,
    logins,
    async stop() {
      child.kill('SIGTERM');
      await new Promise((r) => (child.exitCode !== null ? r() : child.once('exit', r)));
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

async function api(server, method, path, token, body) {
  const res = await fetch(server.url + path, {
    method,
    headers: {
      ...(token ? { Authorization: `Bearer ${token}` } : {}),
      ...(body !== undefined ? { 'Content-Type': 'application/json' } : {}),
    },
    body: body !== undefined ? JSON.stringify(body) : undefined,
  });
  const text = await res.text();
  let json = null;
  try {
    json = JSON.parse(text);
  } catch {
    json = null;
  }
  return { status: res.status, text, json, headers: res.headers };
}

async function signIn(server, who) {
  const r = await api(server, 'POST', '/api/v1/auth/login', null, { email: who.email, password: who.password });
  assert.equal(r.status, 200, r.text);
  return r.json.accessToken;
}

function events(text) {
  const calendar = new ICAL.Component(ICAL.parse(text));
  assert.equal(calendar.name, 'vcalendar');
  assert.equal(calendar.getFirstPropertyValue('version'), '2.0');
  return calendar.getAllSubcomponents('vevent').map((v) => new ICAL.Event(v));
}

test('an adviser subscribes to their diary, and a revoked URL stops working', async () => {
  const server = await startServer();
  try {
    const adviser = server.logins.find((l) => l.role === 'advisor');
    const admin = server.logins.find((l) => l.role === 'admin');
    assert.ok(adviser && admin, 'demo logins');
    const token = await signIn(server, adviser);
    const me = await api(server, 'GET', '/api/v1/me', token);
    const client = await api(server, 'POST', '/api/v1/clients', token, { firstName: 'Siân', lastName: "O'Brien-Łukasz" });
    assert.equal(client.status, 201, client.text);

    // One appointment on the day the clocks go forward next year, entered in London time, with a
    // location long enough to be folded and full of characters iCalendar escapes.
    const year = new Date().getUTCFullYear() + 1;
    const lastSundayOfMarch = 31 - new Date(Date.UTC(year, 2, 31)).getUTCDay();
    const day = `${year}-03-${String(lastSundayOfMarch).padStart(2, '0')}`;
    const location = 'Room 2, Advice Centre; 14 Ystrad Road, Pontypridd — ask at the desk for Siân (Welsh/English)';
    const booked = await api(server, 'POST', '/api/v1/appointments', token, {
      clientId: client.json.id,
      start: `${day}T10:00`,
      durationMinutes: 45,
      mode: 'in_person',
      location,
    });
    assert.equal(booked.status, 201, booked.text);
    const phone = await api(server, 'POST', '/api/v1/appointments', token, {
      clientId: client.json.id,
      start: `${day}T14:00`,
      mode: 'phone',
    });
    assert.equal(phone.status, 201, phone.text);
    assert.equal(
      (await api(server, 'PATCH', `/api/v1/appointments/${phone.json.id}`, token, { status: 'cancelled' })).status,
      200,
    );

    const issued = await api(server, 'POST', '/api/v1/me/calendar-feed', token, {});
    assert.equal(issued.status, 201, issued.text);
    const feed = await fetch(server.url + issued.json.path);
    assert.equal(feed.status, 200);
    assert.match(feed.headers.get('content-type'), /^text\/calendar/);
    const text = await feed.text();
    assert.ok(text.split('\r\n').every((line) => Buffer.byteLength(line) <= 75), 'lines folded at 75 octets');
    const list = events(text);
    const mine = list.filter((e) => e.uid === `${booked.json.id}@cma` || e.uid === `${phone.json.id}@cma`);
    assert.equal(mine.length, 2);
    const visit = mine.find((e) => e.uid === `${booked.json.id}@cma`);
    // 10:00 in London on the day the clocks go forward is 09:00 UTC.
    assert.equal(visit.startDate.toJSDate().toISOString(), `${day}T09:00:00.000Z`);
    assert.equal(visit.endDate.toJSDate().toISOString(), `${day}T09:45:00.000Z`);
    assert.equal(visit.summary, 'Debt advice appointment (in person)');
    assert.equal(visit.location, null, 'no location unless the centre allows');
    assert.ok(!text.includes('Siân') && !text.includes('Brien'), 'no client names unless the centre allows');
    const call = mine.find((e) => e.uid === `${phone.json.id}@cma`);
    assert.equal(call.component.getFirstPropertyValue('status'), 'CANCELLED');

    // The centre allows names: the same URL now names the client and gives the location, intact.
    const adminToken = await signIn(server, admin);
    const centre = await api(server, 'PATCH', `/api/v1/centres/${me.json.centreId}`, adminToken, {
      settings: { calendarShowsClientNames: true },
    });
    assert.equal(centre.status, 200, centre.text);
    const named = events(await (await fetch(server.url + issued.json.path)).text());
    const namedVisit = named.find((e) => e.uid === `${booked.json.id}@cma`);
    assert.equal(namedVisit.summary, "Debt advice: Siân O'Brien-Łukasz (in person)");
    assert.equal(namedVisit.location, location);

    // Revoked: 404, and the feed's state says so.
    const revoked = await api(server, 'DELETE', '/api/v1/me/calendar-feed', token);
    assert.equal(revoked.status, 200, revoked.text);
    assert.equal((await fetch(server.url + issued.json.path)).status, 404);
    assert.equal((await api(server, 'GET', '/api/v1/me/calendar-feed', token)).json.active, false);
  } finally {
    await server.stop();
  }
});
