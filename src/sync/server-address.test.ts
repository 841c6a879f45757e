import { describe, expect, it } from 'vitest';
import { serverAddress } from './server-address';

describe('serverAddress', () => {
  it('accepts an http(s) address, tidied', () => {
    expect(serverAddress(' https://setia.example.com/ ')).toBe('https://setia.example.com');
    expect(serverAddress('http://127.0.0.1:8080')).toBe('http://127.0.0.1:8080');
  });

  it('refuses what is not one', () => {
    for (const bad of ['', 'setia.example.com', 'ftp://x', 'https://', 'https://a b'])
      expect(serverAddress(bad)).toBeNull();
  });
});
