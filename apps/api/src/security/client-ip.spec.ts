import { clientIp } from './client-ip';

const request = (headers: Record<string, string>, remoteAddress = '10.0.0.2') => ({
  headers,
  raw: { socket: { remoteAddress } },
});

describe('clientIp', () => {
  it('should use the socket and ignore forwarding headers by default', () => {
    const req = request({ 'x-forwarded-for': '1.2.3.4', 'x-real-ip': '5.6.7.8' });
    expect(clientIp(req, { trustedProxyHops: 0 })).toBe('10.0.0.2');
  });

  it('should take the entry `hops` from the right of X-Forwarded-For', () => {
    const req = request({ 'x-forwarded-for': '6.6.6.6, 1.2.3.4' });
    expect(clientIp(req, { trustedProxyHops: 1 })).toBe('1.2.3.4');
    expect(clientIp(req, { trustedProxyHops: 2 })).toBe('6.6.6.6');
  });

  it('should fall back to the socket when the chosen entry is not an address', () => {
    const req = request({ 'x-forwarded-for': 'not-an-ip' });
    expect(clientIp(req, { trustedProxyHops: 1 })).toBe('10.0.0.2');
  });

  it('should read only the configured header when there is one', () => {
    const req = request({ 'x-real-ip': '5.6.7.8', 'x-forwarded-for': '1.2.3.4' });
    expect(clientIp(req, { trustedProxyHops: 0, header: 'x-real-ip' })).toBe('5.6.7.8');
    expect(clientIp(request({}), { trustedProxyHops: 0, header: 'x-real-ip' })).toBe('10.0.0.2');
  });

  it('should put a whole IPv6 /64 in one bucket and unwrap IPv4-mapped addresses', () => {
    const a = clientIp(request({}, '2001:db8:1:2:aaaa::1'), { trustedProxyHops: 0 });
    const b = clientIp(request({}, '2001:db8:1:2:bbbb::9'), { trustedProxyHops: 0 });
    expect(a).toBe(b);
    expect(clientIp(request({}, '::ffff:127.0.0.1'), { trustedProxyHops: 0 })).toBe('127.0.0.1');
  });
});
