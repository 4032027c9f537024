// import.csv-gbk: see import-benchmark.ts (GB18030, what Excel on a Chinese Windows saves as CSV).
import { importBenchmark } from './import-benchmark';

export default importBenchmark('gb18030', 'import.csv-gbk');
