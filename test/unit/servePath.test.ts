// Which path "Serve Handset Files" serves under, and which addresses a base station cannot reach.

import assert from 'node:assert/strict';
import { test } from 'node:test';
import { isLoopback, protocolNote, servedPath } from '../../shared/serve/servePath';

test("the base-station file's Config Server Path decides the path unless the user set one", () => {
  assert.deepEqual(servedPath({ configServerPath: 'prov.example.com/gs' }), { path: '/gs', from: 'baseStation' });
  assert.deepEqual(servedPath({ configServerPath: 'http://10.0.0.5:8080/dect/handsets/' }), { path: '/dect/handsets', from: 'baseStation' });
  assert.deepEqual(servedPath({ userPath: '/mine', configServerPath: 'prov.example.com/gs' }), { path: '/mine', from: 'setting' });
  assert.deepEqual(servedPath({ userPath: '/' }), { path: '/', from: 'setting' });
});

test('no base-station file, or a Config Server Path without a path: the root', () => {
  assert.deepEqual(servedPath({}), { path: '/', from: 'default' });
  assert.deepEqual(servedPath({ configServerPath: '10.0.0.5' }), { path: '/', from: 'default' });
  assert.deepEqual(servedPath({ configServerPath: '10.0.0.5/' }), { path: '/', from: 'default' });
});

test('loopback addresses are the ones a base station cannot reach', () => {
  for (const host of ['127.0.0.1', '127.1.2.3', 'localhost', '::1']) assert.ok(isLoopback(host), host);
  for (const host of ['0.0.0.0', '192.168.1.20', '::', 'fe80::1']) assert.ok(!isLoopback(host), host);
});

test('serving plain HTTP to a base station set for HTTPS or TFTP (P212) says so (issue 27)', () => {
  assert.match(protocolNote('HTTPS'), /^ The base station fetches over HTTPS \(P212=2\) and this server speaks plain HTTP: set P212 to 1/);
  assert.match(protocolNote('TFTP'), /TFTP \(P212=0\)/);
  assert.equal(protocolNote('HTTP'), '');
  assert.equal(protocolNote(undefined), '');
});
