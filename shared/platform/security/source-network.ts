import { BlockList, isIP } from 'node:net';

/**
 * Whether a caller's address lies in one of the allowed networks (IPv4 and IPv6 CIDR, or a bare
 * address). The address must be the one API Gateway saw (`requestContext.identity.sourceIp`),
 * never a header a caller can write. An entry that does not parse allows nothing (fail closed).
 */
export function sourceAllowed(sourceIp: string | undefined, cidrs: readonly string[]): boolean {
  const family = sourceIp ? familyOf(sourceIp) : undefined;
  if (!sourceIp || !family) return false;
  const allowed = new BlockList();
  for (const cidr of cidrs) addNetwork(allowed, cidr);
  return allowed.check(sourceIp, family);
}

function familyOf(address: string): 'ipv4' | 'ipv6' | undefined {
  const version = isIP(address);
  return version === 4 ? 'ipv4' : version === 6 ? 'ipv6' : undefined;
}

function addNetwork(list: BlockList, cidr: string): void {
  const [address = '', bits, ...rest] = cidr.trim().split('/');
  const family = familyOf(address);
  if (!family || rest.length > 0) return;
  const maxBits = family === 'ipv4' ? 32 : 128;
  const prefix = bits === undefined ? maxBits : /^\d{1,3}$/.test(bits) ? Number(bits) : -1;
  if (prefix < 0 || prefix > maxBits) return;
  list.addSubnet(address, prefix, family);
}
