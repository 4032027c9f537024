// The create-vault wizard on the WizardSteps scaffold, rendered in jsdom behind the fake engine: Next is
// held by each step's check (a required name, a strong passphrase typed twice, a chosen file), the form's
// values survive the steps, Create sends the handle (never a path) with the details and the owner, and
// the recovery step follows with the passphrase gone from the form.
import { act, fireEvent, render, screen } from '@testing-library/react';
import { encodeRecoveryKey } from '../../../shared/recovery-key';
import { ok } from '../../../shared/result';
import { SessionProvider } from '../../../renderer/src/session/SessionProvider';
import { CreateVaultWizard } from '../../../renderer/src/wizards/create-vault/CreateVaultWizard';
import { installFakeBridge } from '../support/fake-bridge';
import { settle } from '../support/render-model';
import { chosen, session } from '../support/samples';

const PASSPHRASE = '苏堤春晓-曲院风荷-柳浪闻莺';
const step = () => screen.getByTestId('create-wizard').getAttribute('data-step');
const type = (testId: string, value: string) =>
  act(async () => {
    fireEvent.change(screen.getByTestId(testId), { target: { value } });
  });
const click = async (testId: string) => {
  await act(async () => {
    fireEvent.click(screen.getByTestId(testId));
  });
  await settle();
};

// antd's first render in jsdom is slow on a busy machine, hence the generous timeout (no sleeps inside).
test('client → owner → location → review → create → recovery key', async () => {
  const file = chosen('杭州示例茶叶有限公司.cvault');
  const recoveryKey = encodeRecoveryKey(new Uint8Array(32).fill(3));
  const fake = installFakeBridge({
    'dialog.choose': () => ok(file),
    'vault.create': () => ok({ session: session(), recoveryKey }),
  });
  fake.handle('vault.session', () => ok(null));
  render(
    <SessionProvider>
      <CreateVaultWizard />
    </SessionProvider>,
  );
  await settle();
  expect(step()).toBe('client');
  await click('wizard-next');
  expect(step()).toBe('client'); // the client's name is required

  await type('field-client-name', '杭州示例茶叶有限公司');
  await click('wizard-next');
  expect(step()).toBe('owner');
  await type('field-owner-name', '陈静');
  await type('passphrase', 'short');
  await type('passphrase-confirm', 'short');
  await click('wizard-next');
  expect(step()).toBe('owner'); // too weak
  await type('passphrase', PASSPHRASE);
  await type('passphrase-confirm', PASSPHRASE);
  await click('wizard-next');
  expect(step()).toBe('location');

  await click('wizard-next');
  expect(step()).toBe('location'); // no file chosen yet
  expect(screen.getByTestId('chosen-file-none')).toBeTruthy();
  await click('choose-location');
  expect(fake.inputsOf('dialog.choose')).toEqual([
    { kind: 'save', purpose: 'vault', suggestedName: '杭州示例茶叶有限公司.cvault' },
  ]);
  expect(screen.getByTestId('chosen-file').textContent).toBe(file.name);
  await click('wizard-next');
  expect(step()).toBe('create');
  expect(screen.getByTestId('review').textContent).toContain('杭州示例茶叶有限公司');

  // Back keeps what was typed.
  await click('wizard-back');
  await click('wizard-back');
  expect(step()).toBe('owner');
  expect((screen.getByTestId('field-owner-name') as HTMLInputElement).value).toBe('陈静');
  await click('wizard-next');
  await click('wizard-next');

  await click('wizard-create');
  const [input] = fake.inputsOf('vault.create');
  expect(input.file).toEqual({ handle: file.handle });
  expect(input.owner).toEqual({ name: '陈静', passphrase: PASSPHRASE });
  expect(input.details.clientName).toBe('杭州示例茶叶有限公司');
  expect(step()).toBe('recovery');
  expect(screen.queryByTestId('wizard-nav')).toBeNull();
  expect(screen.getAllByTestId('recovery-key-group').map((g) => g.textContent)).toEqual(
    recoveryKey.split('-'),
  );
  expect(document.body.textContent).not.toContain(PASSPHRASE);
}, 60_000);
