// @vitest-environment jsdom
import { act, cleanup, fireEvent, render, screen } from '@testing-library/react';
import { StrictMode, useState } from 'react';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { flushDialogTasks, installFakeDialog } from './fake-dialog';
import { Modal } from './Modal';

/** A toolbar button that opens a Modal, as the workspace's dialogs do. */
function Opener() {
  const [open, setOpen] = useState(false);
  return (
    <>
      <button onClick={() => setOpen(true)}>Settings</button>
      {open && (
        <Modal title="Settings" onClose={() => setOpen(false)}>
          <p>Language</p>
        </Modal>
      )}
    </>
  );
}

const openModal = () => {
  render(
    <StrictMode>
      <Opener />
    </StrictMode>,
  );
  fireEvent.click(screen.getByRole('button', { name: 'Settings' }));
  act(flushDialogTasks);
  return screen.queryByRole('dialog', { name: 'Settings' });
};

beforeAll(installFakeDialog);
afterEach(() => {
  cleanup();
  flushDialogTasks();
});

describe('Modal under StrictMode', () => {
  it('stays open after effects run twice', () => {
    const dialog = openModal();
    expect(dialog).not.toBeNull();
    expect((dialog as HTMLDialogElement).open).toBe(true);
  });

  it('closes from its close button', () => {
    openModal();
    fireEvent.click(screen.getByRole('button', { name: 'Close' }));
    act(flushDialogTasks);
    expect(screen.queryByRole('dialog')).toBeNull();
  });

  it('closes on Escape', () => {
    const dialog = openModal();
    fireEvent(dialog as HTMLDialogElement, new Event('cancel'));
    act(flushDialogTasks);
    expect(screen.queryByRole('dialog')).toBeNull();
  });
});
