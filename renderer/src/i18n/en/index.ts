// English UI text: one file per namespace, each typed against its Chinese twin, merged here.
import type { UiMessages } from '../zh-CN';
import { analytics } from './analytics';
import { audit } from './audit';
import { backup } from './backup';
import { classification } from './classification';
import { compliance } from './compliance';
import { dashboard } from './dashboard';
import { dispositions } from './dispositions';
import { duplicates } from './duplicates';
import { fields } from './fields';
import { handover } from './handover';
import { importWizard } from './import';
import { job } from './job';
import { records } from './records';
import { incidents } from './incidents';
import { requests } from './requests';
import { settings } from './settings';
import { shell } from './shell';
import { users } from './users';
import { vault } from './vault';
import { wipe } from './wipe';

export const en: UiMessages = {
  ...shell,
  ...vault,
  ...users,
  ...dashboard,
  ...backup,
  ...audit,
  ...settings,
  ...importWizard,
  ...job,
  ...classification,
  ...dispositions,
  ...records,
  ...duplicates,
  ...fields,
  ...compliance,
  ...wipe,
  ...handover,
  ...requests,
  ...incidents,
  ...analytics,
};
