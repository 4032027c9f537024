// <ToolCard>: the icon and title, the hint, the controls, the test id, the ref to the card, and the
// compact size unless asked otherwise.
import { render, screen } from '@testing-library/react';
import { createRef } from 'react';
import { ToolCard } from '../../../renderer/src/components/ToolCard';

test('ToolCard renders its title, hint and controls; the ref reaches the card', () => {
  const ref = createRef<HTMLDivElement>();
  render(
    <ToolCard icon={<span>★</span>} title="备份" hint="把保险库复制到外接磁盘" testId="tool" ref={ref}>
      <button type="button">立即备份</button>
    </ToolCard>,
  );
  const card = screen.getByTestId('tool');
  expect(ref.current).toBe(card);
  expect(card.className).toContain('ant-card-small');
  expect(card.textContent).toContain('★备份');
  expect(screen.getByText('把保险库复制到外接磁盘')).toBeTruthy();
  expect(screen.getByRole('button', { name: '立即备份' })).toBeTruthy();
});

test('ToolCard is full size when not small', () => {
  render(
    <ToolCard icon={null} title="Check vault" hint="Pages, structure, evidence" testId="tool" small={false}>
      <span />
    </ToolCard>,
  );
  expect(screen.getByTestId('tool').className).not.toContain('ant-card-small');
});
