/** One aclitem: `grantee=privs/grantor`; an empty grantee is PUBLIC. */
export interface AclItem {
  readonly grantee: string; // '' = PUBLIC
  readonly grantor: string;
  /** privilege letters without grant option */
  readonly privs: string;
  /** privilege letters held WITH GRANT OPTION */
  readonly grantable: string;
}

/** Parses the text form of aclitem[] as the server prints it, e.g. `{a=r/b,"x y"=arw/b}`. */
export function parseAclArray(text: string | null): AclItem[] | null {
  if (text === null) return null;
  const items: AclItem[] = [];
  for (const raw of splitArray(text)) items.push(parseAclItem(raw));
  return items;
}

function splitArray(text: string): string[] {
  // aclitem[] elements are double-quoted (with \" and \\ escapes) when they contain specials.
  const body = text.trim().replace(/^\{/, '').replace(/\}$/, '');
  const out: string[] = [];
  let i = 0;
  while (i < body.length) {
    if (body[i] === '"') {
      let s = '';
      i++;
      while (i < body.length && body[i] !== '"') {
        if (body[i] === '\\') i++;
        s += body[i++];
      }
      i++; // closing quote
      out.push(s);
    } else {
      let j = body.indexOf(',', i);
      if (j < 0) j = body.length;
      out.push(body.slice(i, j));
      i = j;
    }
    if (body[i] === ',') i++;
  }
  return out;
}

/** Reads a role name as putid() writes it: double-quoted with "" when not plain. */
function readName(s: string, pos: number): [string, number] {
  if (s[pos] !== '"') {
    let j = pos;
    while (j < s.length && s[j] !== '=' && s[j] !== '/') j++;
    return [s.slice(pos, j), j];
  }
  let name = '';
  let j = pos + 1;
  while (j < s.length) {
    if (s[j] === '"') {
      if (s[j + 1] === '"') {
        name += '"';
        j += 2;
        continue;
      }
      j++;
      break;
    }
    name += s[j++];
  }
  return [name, j];
}

export function parseAclItem(raw: string): AclItem {
  const [grantee, p1] = readName(raw, 0);
  if (raw[p1] !== '=') throw new Error(`malformed aclitem: ${raw}`);
  const slash = raw.indexOf('/', p1 + 1);
  const privText = raw.slice(p1 + 1, slash < 0 ? raw.length : slash);
  const grantor = slash < 0 ? '' : readName(raw, slash + 1)[0];
  let privs = '';
  let grantable = '';
  for (let i = 0; i < privText.length; i++) {
    const c = privText[i]!;
    if (privText[i + 1] === '*') {
      grantable += c;
      i++;
    } else privs += c;
  }
  return { grantee, grantor, privs, grantable };
}

export function aclItemKey(a: AclItem): string {
  return `${a.grantee}\u0000${a.grantor}\u0000${[...a.privs].sort().join('')}\u0000${[...a.grantable].sort().join('')}`;
}

const PRIVILEGE_NAMES: Record<string, string> = {
  a: 'INSERT',
  r: 'SELECT',
  w: 'UPDATE',
  d: 'DELETE',
  D: 'TRUNCATE',
  x: 'REFERENCES',
  t: 'TRIGGER',
  X: 'EXECUTE',
  U: 'USAGE',
  C: 'CREATE',
  c: 'CONNECT',
  T: 'TEMPORARY',
  m: 'MAINTAIN',
  s: 'SET',
  A: 'ALTER SYSTEM',
};

/** The order pg_dump lists privileges in, so GRANT lines diff cleanly against it. */
const PRIVILEGE_ORDER = 'raxtdDmUwXCcTsA';

export function privilegeNames(letters: string): string[] {
  return [...PRIVILEGE_ORDER].filter((c) => letters.includes(c)).map((c) => PRIVILEGE_NAMES[c]!);
}
