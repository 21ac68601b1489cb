import fc from 'fast-check';

import { checkWebhookUrl, hostOf, isPublicAddress } from './address-policy';

const REFUSED = [
  '127.0.0.1',
  '127.255.0.9',
  '0.0.0.0',
  '10.1.2.3',
  '172.16.0.1',
  '192.168.1.1',
  '169.254.169.254',
  '100.100.100.200',
  '224.0.0.1',
  '255.255.255.255',
  '::1',
  '::',
  'fe80::1',
  'fc00::1',
  'fd00:ec2::254',
  '::ffff:127.0.0.1',
  '::ffff:10.0.0.1',
  '2002:7f00:1::1',
  'ff02::1',
  'not-an-ip',
  'localhost',
];
const ALLOWED = ['93.184.216.34', '8.8.8.8', '2606:4700:4700::1111', '::ffff:8.8.8.8'];

describe('isPublicAddress', () => {
  it.each(REFUSED)('should refuse %s', (address) => {
    expect(isPublicAddress(address)).toBe(false);
  });

  it.each(ALLOWED)('should allow %s', (address) => {
    expect(isPublicAddress(address)).toBe(true);
  });

  it('should refuse every address of 127/8, 10/8 and 169.254/16', () => {
    const octet = fc.integer({ min: 0, max: 255 });
    fc.assert(
      fc.property(fc.constantFrom('127', '10', '169.254'), octet, octet, octet, (p, a, b, c) => {
        const address = p.includes('.') ? `${p}.${b}.${c}` : `${p}.${a}.${b}.${c}`;
        return !isPublicAddress(address) && !isPublicAddress(`::ffff:${address}`);
      }),
    );
  });

  it('should treat an IPv4-mapped address exactly as its IPv4 address', () => {
    fc.assert(
      fc.property(fc.ipV4(), (v4) => isPublicAddress(`::ffff:${v4}`) === isPublicAddress(v4)),
    );
  });
});

describe('checkWebhookUrl', () => {
  it('should accept http and https URLs', () => {
    expect(checkWebhookUrl('https://hooks.example.com/x?y=1')).toMatchObject({ ok: true });
    expect(checkWebhookUrl('http://[::1]:8080/')).toMatchObject({ ok: true });
  });

  it.each([
    'ftp://example.com/',
    'file:///etc/passwd',
    'javascript:alert(1)',
    'example.com/hook',
    'https://user:pass@example.com/',
    'https://example.com/#frag',
    `https://example.com/${'a'.repeat(2048)}`,
  ])('should refuse %s', (url) => {
    expect(checkWebhookUrl(url)).toMatchObject({ ok: false, reason: expect.any(String) });
  });

  it('should never throw on any string', () => {
    fc.assert(fc.property(fc.string(), (text) => typeof checkWebhookUrl(text).ok === 'boolean'));
  });

  it('should give IPv6 hosts without brackets', () => {
    expect(hostOf(new URL('http://[::1]:8080/'))).toBe('::1');
    expect(hostOf(new URL('http://example.com/'))).toBe('example.com');
  });
});
