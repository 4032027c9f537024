// import.csv-utf8: see import-benchmark.ts.
import { importBenchmark } from './import-benchmark';

export default importBenchmark('utf8', 'import.csv-utf8');
