/**
 * `npm run simulate`: plays the demo partners and customers against a running backend through
 * their public APIs — new claims with fresh PoE, resubmissions, disputes, opt-outs — so a demo
 * queue moves. Options: --url (default http://127.0.0.1:8787), --rounds N (default: until
 * Ctrl-C), --interval ms (default 10000), --seed N, --max actions per round (default 4).
 */
import { parseArgs } from 'node:util';
import type { Claim, CommandInput } from '../../../shared/index';
import { DEMO_PARTNERS } from '../demo/data';
import { DEMO_PASSWORD, demoUsers } from '../demo/plan';
import { simulatorActions, type SimulatorAction } from '../demo/simulator';

/** Statuses in which a partner or customer may have something to do. */
const ACTIONABLE = new Set(['draft', 'partner_action_needed', 'rejected', 'approved']);

type Api = <T>(method: string, path: string, token: string | null, body?: unknown, headers?: Record<string, string>) => Promise<T>;

function client(baseUrl: string): Api {
  return async (method, path, token, body, headers = {}) => {
    const isBytes = body instanceof Uint8Array;
    const response = await fetch(new URL(path, baseUrl), {
      method,
      headers: {
        ...(token ? { authorization: `Bearer ${token}` } : {}),
        ...(body !== undefined && !isBytes ? { 'content-type': 'application/json' } : {}),
        ...headers,
      },
      body: body === undefined ? undefined : isBytes ? Buffer.from(body) : JSON.stringify(body),
    });
    const json = (await response.json()) as { error?: { message: string } };
    if (!response.ok) throw new Error(`${method} ${path}: ${response.status} ${json.error?.message ?? ''}`);
    return json as never;
  };
}

/** Documents travel by sha256 in the partner API; the server fills in the rest. */
function refs(documents: { sha256: string }[] | undefined): { sha256: string }[] | undefined {
  return documents?.map((d) => ({ sha256: d.sha256 }));
}

/** The partner or customer API call that carries out a simulator command. */
function request(command: CommandInput): { path: string; body: unknown } {
  const id = encodeURIComponent(command.claimId);
  switch (command.type) {
    case 'create': {
      const { type: _type, documents, ...rest } = command;
      return { path: '/partner/claims', body: { ...rest, documents: refs(documents) ?? [] } };
    }
    case 'edit': {
      const { addDocuments, ...changes } = command.changes;
      return { path: `/partner/claims/${id}/edit`, body: { changes: { ...changes, ...(addDocuments ? { addDocuments: refs(addDocuments) } : {}) } } };
    }
    case 'dispute': {
      const { type: _type, claimId: _claimId, addDocuments, ...rest } = command;
      return { path: `/partner/claims/${id}/dispute`, body: { ...rest, ...(addDocuments ? { addDocuments: refs(addDocuments) } : {}) } };
    }
    case 'optOut': {
      const { type: _type, claimId: _claimId, ...rest } = command;
      return { path: `/customer/associations/${id}/opt-out`, body: rest };
    }
    case 'submit':
    case 'resubmit':
    case 'withdraw':
    case 'comment': {
      const { type, claimId: _claimId, ...rest } = command;
      return { path: `/partner/claims/${id}/${type}`, body: rest };
    }
    default:
      throw new Error(`the simulator does not send ${command.type}`);
  }
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      url: { type: 'string', default: process.env.SIMULATE_URL ?? 'http://127.0.0.1:8787' },
      rounds: { type: 'string', default: '0' },
      interval: { type: 'string', default: '10000' },
      seed: { type: 'string', default: '7' },
      max: { type: 'string', default: '4' },
    },
  });
  const api = client(values.url ?? 'http://127.0.0.1:8787');
  const rounds = Number(values.rounds);
  const tokens = new Map<string, string>();
  const actors = demoUsers().filter((u) => u.role === 'partner' || u.role === 'customer');
  for (const { username } of actors) {
    const { token } = await api<{ token: string }>('POST', '/auth/login', null, { username, password: DEMO_PASSWORD });
    tokens.set(username, token);
  }
  console.log(`Simulating ${actors.length} partner and customer users against ${values.url}`);

  let stop = false;
  process.once('SIGINT', () => (stop = true));
  for (let round = 1; !stop && (rounds === 0 || round <= rounds); round++) {
    const claims: Claim[] = [];
    for (const partner of DEMO_PARTNERS) {
      const token = tokens.get(partner.username)!;
      const list = await api<{ claims: { id: string; status: string }[] }>('GET', '/partner/claims?limit=500', token);
      for (const row of list.claims.filter((c) => ACTIONABLE.has(c.status))) {
        claims.push((await api<{ claim: Claim }>('GET', `/partner/claims/${encodeURIComponent(row.id)}`, token)).claim);
      }
    }
    const actions: SimulatorAction[] = await simulatorActions({ seed: Number(values.seed), round, now: new Date(), claims, max: Number(values.max) });
    for (const action of actions) {
      const token = tokens.get(action.actor.id)!;
      try {
        for (const upload of action.uploads) {
          await api('POST', '/documents', token, upload.bytes, { 'content-type': upload.mediaType, 'x-file-name': encodeURIComponent(upload.fileName) });
        }
        const { path, body } = request(action.command);
        await api('POST', path, token, body);
        console.log(`round ${round}: ${action.summary}`);
      } catch (error) {
        // The server may refuse what the simulator thought allowed (a reviewer acted meanwhile).
        console.log(`round ${round}: refused — ${action.summary}: ${error instanceof Error ? error.message : String(error)}`);
      }
    }
    if (!stop && (rounds === 0 || round < rounds)) await new Promise((r) => setTimeout(r, Number(values.interval)));
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
