// The audit export's model: the folder chosen in the dialog, audit.export into it, the names of the files
// it wrote (never their paths), and the one error of the dialog or the export.
import { useState } from 'react';
import { useChooseFile } from '../../hooks/use-choose-file';
import { baseName } from '../../i18n/format';
import { api } from '../../platform/api';
import { useSession } from '../../session/session-context';

export function useAuditExport(onExported: () => void) {
  const { can } = useSession();
  const dialog = useChooseFile();
  const [files, setFiles] = useState<string[] | null>(null);

  const exportAudit = async () => {
    const exported = await dialog.chooseAndCall({ kind: 'folder', purpose: 'audit-export' }, (dir) =>
      api.call('audit.export', { dir: { handle: dir.handle } }),
    );
    if (!exported) return;
    setFiles(exported.files.map(baseName));
    onExported();
  };

  return {
    allowed: can('audit.export'),
    busy: dialog.calling,
    files,
    error: dialog.error,
    exportAudit,
  };
}
