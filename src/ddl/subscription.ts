import type { SubscriptionObject } from '../../catalog/subscriptions.js';
import { quoteIdent, quoteLiteral } from '../sql/quote.js';
import { commentOn, ownerStatement, type EmitContext, type ObjectDdl } from './common.js';

/**
 * CREATE SUBSCRIPTION that does not connect: restoring must not reach the publisher or
 * create a slot, so it comes back disabled with its slot name, like pg_dump's. Only
 * options that differ from the defaults of this major are spelled out.
 */
export function emitSubscription(s: SubscriptionObject, ctx: EmitContext): ObjectDdl {
  const v = ctx.version;
  const name = quoteIdent(s.name);
  const options = ['connect = false', `slot_name = ${s.slotName === null ? 'NONE' : quoteLiteral(s.slotName)}`];
  if (s.binary) options.push('binary = true');
  // 18 made parallel streaming the default.
  const defaultStreaming = v >= 180000 ? 'p' : 'f';
  if (s.streaming !== defaultStreaming) {
    options.push(`streaming = ${s.streaming === 'p' ? 'parallel' : s.streaming === 't' ? 'on' : 'off'}`);
  }
  if (s.twoPhase !== 'd') options.push('two_phase = on');
  if (s.disableOnError) options.push('disable_on_error = true');
  if (v >= 160000 && s.origin !== 'any') options.push(`origin = ${quoteLiteral(s.origin)}`);
  if (!s.passwordRequired) options.push('password_required = false');
  if (s.runAsOwner) options.push('run_as_owner = true');
  if (s.failover) options.push('failover = true');
  if (s.synchronousCommit !== 'off') options.push(`synchronous_commit = ${quoteLiteral(s.synchronousCommit)}`);
  const label = `SUBSCRIPTION ${name}`;
  return {
    desc: 'SUBSCRIPTION',
    tag: s.name,
    create:
      `CREATE SUBSCRIPTION ${name} CONNECTION ${quoteLiteral(s.conninfo)} ` +
      `PUBLICATION ${s.publications.map(quoteIdent).join(', ')} WITH (${options.join(', ')});`,
    drop: `DROP SUBSCRIPTION ${name};`,
    owner: ownerStatement(label, s.owner),
    labelTarget: label,
    comments: commentOn(label, s.comment),
    aclLabel: null,
    acl: '',
  };
}
