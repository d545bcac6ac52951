/**
 * Listens to the server's poke stream (server-sent events over fetch, so the bearer token goes in
 * a header rather than the URL) and calls `onPoke` for each change. Reconnects after a drop;
 * pokes are hints — the sync loop's timer covers anything missed.
 */
export type PokeOptions = {
  url: string;
  token: () => string | null;
  onPoke: () => void;
  onConnected?: (connected: boolean) => void;
  fetch?: typeof fetch;
  retryMs?: number;
};

export function listenForPokes(options: PokeOptions): () => void {
  const controller = new AbortController();
  const doFetch = options.fetch ?? ((input, init) => fetch(input, init));
  let stopped = false;

  const connect = async (): Promise<void> => {
    while (!stopped) {
      try {
        const token = options.token();
        if (!token) throw new Error('signed out');
        const response = await doFetch(options.url, { headers: { authorization: `Bearer ${token}`, accept: 'text/event-stream' }, signal: controller.signal });
        if (!response.ok || !response.body) throw new Error(`poke stream answered ${response.status}`);
        options.onConnected?.(true);
        // A (re)connection may have missed pokes: sync once now.
        options.onPoke();
        await readEvents(response.body, (event) => event === 'poke' && options.onPoke());
      } catch {
        // Dropped, refused or offline: wait and try again.
      }
      options.onConnected?.(false);
      if (stopped) return;
      await new Promise((resolve) => setTimeout(resolve, options.retryMs ?? 5_000));
    }
  };
  void connect();
  return () => {
    stopped = true;
    controller.abort();
  };
}

/** Calls `onEvent(name)` for every complete event of an SSE stream. */
export async function readEvents(body: ReadableStream<Uint8Array>, onEvent: (name: string, data: string) => void): Promise<void> {
  const reader = body.getReader();
  const decoder = new TextDecoder();
  let buffer = '';
  for (;;) {
    const { value, done } = await reader.read();
    if (done) return;
    buffer += decoder.decode(value, { stream: true });
    let end: number;
    while ((end = buffer.indexOf('\n\n')) >= 0) {
      const block = buffer.slice(0, end);
      buffer = buffer.slice(end + 2);
      let name = 'message';
      const data: string[] = [];
      for (const line of block.split('\n')) {
        if (line.startsWith('event:')) name = line.slice(6).trim();
        else if (line.startsWith('data:')) data.push(line.slice(5).trim());
      }
      if (data.length || name !== 'message') onEvent(name, data.join('\n'));
    }
  }
}
