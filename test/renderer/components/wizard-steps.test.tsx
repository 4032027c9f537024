// The wizard scaffold: Next moves on only once the step validates, Back goes to the previous step, the
// final step's button does its act instead of moving, a step without buttons has none, and the step shown
// is the one passed in (so a wizard resumes from saved state).
import { act, fireEvent, render, screen } from '@testing-library/react';
import { useState } from 'react';
import { WizardSteps, type WizardStep } from '../../../renderer/src/components/WizardSteps';

type Key = 'one' | 'two' | 'three' | 'done';

function Harness({
  initial = 'one',
  valid,
  onCreate,
}: {
  initial?: Key;
  valid: () => boolean | Promise<boolean>;
  onCreate: () => void;
}) {
  const [step, setStep] = useState<Key>(initial);
  const steps: Array<WizardStep<Key>> = [
    { key: 'one', title: 'One', content: <p>first</p>, validate: valid },
    { key: 'two', title: 'Two', content: <p>second</p> },
    {
      key: 'three',
      title: 'Three',
      content: <p>third</p>,
      next: { label: 'Create', testId: 'wizard-create', onClick: onCreate },
    },
    { key: 'done', title: 'Done', content: <p>all done</p>, nav: false },
  ];
  return <WizardSteps testId="wizard" steps={steps} current={step} onStep={setStep} />;
}

const card = () => screen.getByTestId('wizard');
const click = async (testId: string) => {
  await act(async () => {
    fireEvent.click(screen.getByTestId(testId));
  });
};

describe('WizardSteps', () => {
  test('Next waits for the step to validate; Back returns; the final act replaces Next', async () => {
    let ok = false;
    const onCreate = jest.fn();
    render(<Harness valid={() => ok} onCreate={onCreate} />);
    expect(card().getAttribute('data-step')).toBe('one');
    expect(screen.getByText('first')).toBeTruthy();
    expect((screen.getByTestId('wizard-back') as HTMLButtonElement).disabled).toBe(true);

    await click('wizard-next');
    expect(card().getAttribute('data-step')).toBe('one');
    ok = true;
    await click('wizard-next');
    expect(card().getAttribute('data-step')).toBe('two');
    expect(screen.queryByText('first')).toBeNull();

    await click('wizard-back');
    expect(card().getAttribute('data-step')).toBe('one');
    await click('wizard-next');
    await click('wizard-next');
    expect(card().getAttribute('data-step')).toBe('three');
    expect(screen.queryByTestId('wizard-next')).toBeNull();
    await click('wizard-create');
    expect(onCreate).toHaveBeenCalledTimes(1);
    expect(card().getAttribute('data-step')).toBe('three');
  });

  test('a rejected validation stays on the step without an unhandled rejection', async () => {
    render(<Harness valid={() => Promise.reject(new Error('fields'))} onCreate={() => undefined} />);
    await click('wizard-next');
    expect(card().getAttribute('data-step')).toBe('one');
  });

  test('the step passed in is shown (resume), and a step without buttons has none', () => {
    render(<Harness initial="done" valid={() => true} onCreate={() => undefined} />);
    expect(card().getAttribute('data-step')).toBe('done');
    expect(screen.getByText('all done')).toBeTruthy();
    expect(screen.queryByTestId('wizard-nav')).toBeNull();
    // The steps bar marks the fourth step as the current one.
    expect(card().querySelectorAll('.ant-steps-item-finish')).toHaveLength(3);
  });
});
