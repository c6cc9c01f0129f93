-- Miscellaneous scalars: boolean, uuid, pg_lsn, network types (inet, cidr,
-- macaddr, macaddr8), geometric types, text search types, and a few system
-- scalar types usable in user tables (tid, xid, xid8, cid, oidvector,
-- pg_snapshot) -- no reg* types.
CREATE SCHEMA data_misc;

CREATE TABLE data_misc.scalars (id integer PRIMARY KEY, b boolean, u uuid, lsn pg_lsn);
INSERT INTO data_misc.scalars VALUES
  (1, true, '00000000-0000-0000-0000-000000000000', '0/0'),
  (2, false, 'ffffffff-ffff-ffff-ffff-ffffffffffff', 'FFFFFFFF/FFFFFFFF'),
  (3, NULL, 'A0EEBC99-9C0B-4EF8-BB6D-6BB9BD380A11', '16/B374D848'),
  (4, 'yes', '{a0eebc99-9c0b4ef8-bb6d6bb9-bd380a11}', NULL),
  (5, 'off', NULL, '1/0');

CREATE TABLE data_misc.network (id integer PRIMARY KEY, i inet, c cidr, m macaddr, m8 macaddr8);
INSERT INTO data_misc.network VALUES
  (1, '0.0.0.0/0', '0.0.0.0/0', '00:00:00:00:00:00', '00:00:00:00:00:00:00:00'),
  (2, '255.255.255.255', '255.255.255.255/32', 'ff:ff:ff:ff:ff:ff', 'ff:ff:ff:ff:ff:ff:ff:ff'),
  (3, '10.1.2.3/8', '10.0.0.0/8', '08-00-2b-01-02-03', '08:00:2b:01:02:03'),
  (4, '::1', '::/0', '0800.2b01.0203', '08-00-2b-01-02-03-04-05'),
  (5, '::ffff:1.2.3.4/100', '2001:db8::/32', '08002b010203', '0800.2b01.0203.0405'),
  (6, 'fe80::1:2:3:4/64', 'fe80::/10', NULL, NULL),
  (7, NULL, NULL, NULL, NULL);

CREATE TABLE data_misc.geometry (id integer PRIMARY KEY, p point, l line, ls lseg, bx box, pa path, pg polygon, c circle);
INSERT INTO data_misc.geometry VALUES
  (1, '(0,0)', '{1,-1,0}', '[(0,0),(1,1)]', '(1,1),(0,0)', '[(0,0),(1,1),(2,0)]', '((0,0),(1,1),(1,0))', '<(0,0),5>'),
  (2, '(-1.5,1e300)', '{0,1,-2.5}', '[(-1e-300,2),(3,4)]', '(-1,-1),(-2,-2)', '((0,0),(1,1),(2,0))', '((0,0))', '<(1.5,-2.5),0>'),
  (3, '(NaN,Infinity)', '{1,0,-Infinity}', '[(0.1,0.2),(0.3,0.4)]', '(0.1,0.2),(0.3,0.4)', '[(0,0)]', '((1,2),(3,4),(5,6),(7,8))', '<(0,0),0.1>'),
  (4, '(-0,0)', NULL, NULL, NULL, NULL, NULL, NULL),
  (5, NULL, NULL, NULL, NULL, NULL, NULL, NULL);

CREATE TABLE data_misc.textsearch (id integer PRIMARY KEY, v tsvector, q tsquery);
INSERT INTO data_misc.textsearch VALUES
  (1, 'a fat cat sat on a mat', 'fat & (rat | cat) & !dog'),
  (2, 'a:1A fat:2B,4C cat:5D', 'fat <-> cat'),
  (3, $$'it''s' 'back\\slash' 'with space' 'ümlaut' '😀'$$, 'super:* & fat:AB <2> cat'),
  (4, '', ''),
  (5, to_tsvector('english', 'The quick brown foxes jumped'), to_tsquery('english', 'quick & fox')),
  (6, NULL, NULL),
  (7, $$'"dq"' 'a:b'$$, $$'it''s' | 'a:b' & !!x$$);

CREATE TABLE data_misc.system_types (id integer PRIMARY KEY, t tid, x xid, x8 xid8, c cid, ov oidvector, snap pg_snapshot, i2v int2vector);
INSERT INTO data_misc.system_types VALUES
  (1, '(0,1)', '12345', '123456789012', '7', '1 2 3', '10:20:10,14,15', '1 2'),
  (2, '(4294967295,65535)', '4294967295', '18446744073709551615', '4294967295', '', '1:1:', ''),
  (3, NULL, NULL, NULL, NULL, NULL, NULL, NULL);
