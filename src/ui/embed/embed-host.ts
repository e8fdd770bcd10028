/**
 * The app inside a portal's iframe: reads embed-config.json (next to index.html), posts its content
 * height to the parent whenever it changes, and obeys the documented commands from allowed origins only.
 */
import {
  acceptsFrom,
  heightTargets,
  parseEmbedCommand,
  parseEmbedConfig,
  type EmbedCommand,
  type EmbedConfig,
  type HeightMessage,
} from './embed-protocol';

export interface EmbedHostOptions {
  /** The element whose height is the app's content height. */
  content: HTMLElement;
  /** Current page path, sent with each height. */
  page: () => string;
  onCommand: (command: EmbedCommand) => void;
  /** Where the configuration is read from. */
  configUrl?: string;
}

/** Reads the allow-list; a missing or broken file allows nothing (and says why on the console). */
async function loadEmbedConfig(url = './embed-config.json'): Promise<EmbedConfig> {
  try {
    const res = await fetch(url, { cache: 'no-store' });
    if (!res.ok) return { allowedOrigins: [] };
    const { config, problems } = parseEmbedConfig(await res.json());
    for (const p of problems) console.warn(p);
    return config;
  } catch (e) {
    console.warn('embed-config.json could not be read; no portal may send commands:', e);
    return { allowedOrigins: [] };
  }
}

/** Starts the embedding; returns a function that stops it. Does nothing outside an iframe. */
export function startEmbedHost(opts: EmbedHostOptions): () => void {
  const parent = window.parent;
  if (parent === window) return () => {};
  let config: EmbedConfig = { allowedOrigins: [] };
  let last = -1;
  const post = () => {
    const height = Math.ceil(opts.content.getBoundingClientRect().height);
    if (height === last) return;
    last = height;
    const message: HeightMessage = { type: 'pcw:height', height, page: opts.page() };
    for (const target of heightTargets(config)) parent.postMessage(message, target);
  };
  const onMessage = (e: MessageEvent) => {
    if (!acceptsFrom(e.origin, e.source === parent, config)) return;
    const command = parseEmbedCommand(e.data);
    if (command) opts.onCommand(command);
  };
  const observer = new ResizeObserver(post);
  let stopped = false;
  void loadEmbedConfig(opts.configUrl).then((c) => {
    if (stopped) return;
    config = c;
    window.addEventListener('message', onMessage);
    observer.observe(opts.content);
    last = -1;
    post();
  });
  return () => {
    stopped = true;
    observer.disconnect();
    window.removeEventListener('message', onMessage);
  };
}
