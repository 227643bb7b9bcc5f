// Rasd's own version, cited beside the data in every citation and export (package.json is its one source; the
// bundler keeps only this field).
import { version } from '../../../package.json';

export const RASD_VERSION: string = version;
export const RASD_NAME = 'Rasd';
