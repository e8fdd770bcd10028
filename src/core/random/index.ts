export { Sfc32, hash32, MAX_STREAM_INDEX } from './sfc32';
