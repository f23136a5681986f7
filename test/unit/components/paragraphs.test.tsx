// @vitest-environment happy-dom
import { act, useState } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import { afterEach, describe, expect, it } from 'vitest';
import { TextField } from '../../../renderer/src/components/TextField';

/** A page holding one rationale in state, as the guided form does, with a way to change it from outside. */
function Page({ initial, onValue, exposeSet }: { initial: string; onValue: (v: string) => void; exposeSet: (set: (v: string) => void) => void }) {
  const [value, setValue] = useState(initial);
  exposeSet(setValue);
  return (
    <TextField
      id="rationale"
      label="Rationale"
      multiline
      value={value}
      onChange={(next) => {
        onValue(next);
        setValue(next);
      }}
    />
  );
}

let root: Root | undefined;
afterEach(() => act(() => root?.unmount()));

async function mount(initial: string) {
  const seen: string[] = [];
  let setFromOutside: (v: string) => void = () => undefined;
  const container = document.createElement('div');
  document.body.replaceChildren(container);
  await act(async () => {
    root = createRoot(container);
    root.render(<Page initial={initial} onValue={(v) => seen.push(v)} exposeSet={(set) => (setFromOutside = set)} />);
  });
  const textarea = container.querySelector('textarea');
  if (!textarea) throw new Error('no textarea');
  return { textarea, seen, setFromOutside: (v: string) => act(async () => setFromOutside(v)) };
}

/** As a keystroke does: the browser's own value setter (React tracks the instance's), then an input event. */
async function typeInto(textarea: HTMLTextAreaElement, text: string) {
  await act(async () => {
    Object.getOwnPropertyDescriptor(HTMLTextAreaElement.prototype, 'value')?.set?.call(textarea, text);
    textarea.dispatchEvent(new Event('input', { bubbles: true }));
  });
}

describe('the paragraphs textarea', () => {
  it('shows the saved text before anything is typed, labelled and spell-checked', async () => {
    const { textarea } = await mount('The chair weighed the school’s view.');
    expect(textarea.value).toBe('The chair weighed the school’s view.');
    expect(textarea.getAttribute('spellcheck')).toBe('true');
    expect(textarea.id).toBe('rationale');
    expect(document.querySelector('label[for="rationale"]')?.textContent).toContain('Rationale');
  });

  it('hands each change to the page and keeps what was typed on screen', async () => {
    const { textarea, seen } = await mount('First.');
    await typeInto(textarea, 'First. Second');
    await typeInto(textarea, 'First. Second sentence.');
    expect(seen).toEqual(['First. Second', 'First. Second sentence.']);
    expect(textarea.value).toBe('First. Second sentence.');
  });

  it('shows a value changed from outside (a restored draft) in place of the old one', async () => {
    const { textarea, setFromOutside } = await mount('Before.');
    await typeInto(textarea, 'Before. Typed');
    await setFromOutside('Restored after a conflict.');
    expect(textarea.value).toBe('Restored after a conflict.');
  });

  it('does not rewrite a long text in the page on every keystroke (React would copy it into the default value each time)', async () => {
    const long = 'The family said the plan helped. '.repeat(1_800); // about 60,000 characters
    const { textarea, seen } = await mount(long);
    const mutations: MutationRecord[] = [];
    const observer = new MutationObserver((list) => mutations.push(...list));
    observer.observe(textarea, { childList: true, characterData: true, subtree: true });
    for (const letter of 'abc') await typeInto(textarea, textarea.value + letter);
    await act(async () => undefined);
    observer.disconnect();
    expect(seen.map((v) => v.slice(-3))).toEqual(['. a', ' ab', 'abc']);
    expect(textarea.value.endsWith('abc')).toBe(true);
    expect(mutations.filter((m) => m.type === 'childList' || m.type === 'characterData')).toEqual([]);
  });
});
