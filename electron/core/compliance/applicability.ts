// Which regimes apply to a closure. PIPL always does for a company closing in China, and ISO/IEC 27001 is
// the yardstick auditors use; GDPR and CCPA are proposed from the records' regions (EU/EEA residents,
// California residents) until an owner answers once.
import { bi } from '../../../shared/bilingual';
import type { Regime, RegimeApplicability } from '../../../shared/contract';
import type { ClosureFacts } from './facts';

export function applicability(f: ClosureFacts): RegimeApplicability[] {
  const decided = f.compliance.settings.applicability;
  const c = f.customers;
  const proposals: Array<{ regime: Regime; proposed: boolean; reason: ReturnType<typeof bi> }> = [
    {
      regime: 'pipl',
      proposed: true,
      reason: bi('在中国境内处理个人信息', 'Personal information processed in China'),
    },
    {
      regime: 'gdpr',
      proposed: c.eu > 0,
      reason:
        c.eu > 0
          ? bi(`记录中有 ${c.eu} 位欧盟/欧洲经济区居民`, `${c.eu} records place the customer in the EU/EEA`)
          : bi('记录中没有欧盟/欧洲经济区居民', 'No record places a customer in the EU/EEA'),
    },
    {
      regime: 'ccpa',
      proposed: c.california > 0,
      reason:
        c.california > 0
          ? bi(
              `记录中有 ${c.california} 位加利福尼亚州居民`,
              `${c.california} records place the customer in California`,
            )
          : c.us > 0
            ? bi(
                `有 ${c.us} 位美国客户，但地址未显示加利福尼亚州：请核实`,
                `${c.us} customers are in the US but no address shows California: check`,
              )
            : bi('记录中没有加利福尼亚州居民', 'No record places a customer in California'),
    },
    {
      regime: 'iso27001',
      proposed: true,
      reason: bi(
        '审计师采用的信息安全控制基准',
        'The information security controls auditors measure against',
      ),
    },
    {
      regime: 'company',
      proposed: true,
      reason: bi('公司自己的规定', "The company's own rules"),
    },
  ];
  return proposals.map((p) => ({
    regime: p.regime,
    proposed: p.proposed,
    decided: decided !== null && p.regime !== 'company',
    applicable: decided && p.regime !== 'company' ? decided[p.regime] : p.proposed,
    reason: p.reason,
  }));
}
