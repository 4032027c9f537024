// Hashes, fingerprints and paths on the overview: monospace, small, broken anywhere rather than overflowing.
import { MONOSPACE } from '../../components/RecoveryKeyInput';

export const mono = { fontFamily: MONOSPACE, fontSize: 12, wordBreak: 'break-all' } as const;
