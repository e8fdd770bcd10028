export { Sfc32, hash32 } from './sfc32';
