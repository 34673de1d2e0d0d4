import { useEffect, useId, useRef, useState } from 'react';
import { Link } from 'react-router';
import type { User } from '@syncsafe/contracts';
import { roleLabels } from '../../../lib/roles.ts';

interface UserMenuProps {
  user: User;
  tokensHref: string;
  onSignOut: () => void;
  isSigningOut: boolean;
}

/** A disclosure menu (button + list of links/buttons): simple, and fully keyboard usable. */
export function UserMenu({ user, tokensHref, onSignOut, isSigningOut }: UserMenuProps) {
  const [isOpen, setIsOpen] = useState(false);
  const menuId = useId();
  const rootRef = useRef<HTMLDivElement>(null);
  const buttonRef = useRef<HTMLButtonElement>(null);

  useEffect(() => {
    if (!isOpen) return;
    const closeOnOutside = (event: MouseEvent) => {
      if (!rootRef.current?.contains(event.target as Node)) setIsOpen(false);
    };
    const closeOnEscape = (event: KeyboardEvent) => {
      if (event.key === 'Escape') {
        setIsOpen(false);
        buttonRef.current?.focus();
      }
    };
    document.addEventListener('mousedown', closeOnOutside);
    document.addEventListener('keydown', closeOnEscape);
    return () => {
      document.removeEventListener('mousedown', closeOnOutside);
      document.removeEventListener('keydown', closeOnEscape);
    };
  }, [isOpen]);

  return (
    <div className="user-menu" ref={rootRef}>
      <button
        ref={buttonRef}
        type="button"
        className="user-menu-button"
        aria-expanded={isOpen}
        aria-controls={menuId}
        onClick={() => setIsOpen((open) => !open)}
      >
        <span className="user-menu-name">{user.username}</span>
        <span className={`role-chip role-${user.role}`}>{roleLabels[user.role]}</span>
        <span aria-hidden="true" className="user-menu-caret">▾</span>
        <span className="visually-hidden">Account menu</span>
      </button>
      {isOpen ? (
        <ul id={menuId} className="user-menu-list">
          <li className="user-menu-identity">
            Signed in as <strong>{user.username}</strong> ({roleLabels[user.role]})
          </li>
          <li>
            <Link to={tokensHref} className="user-menu-item" onClick={() => setIsOpen(false)}>
              API tokens
            </Link>
          </li>
          <li>
            <button type="button" className="user-menu-item" onClick={onSignOut} disabled={isSigningOut}>
              {isSigningOut ? 'Signing out…' : 'Sign out'}
            </button>
          </li>
        </ul>
      ) : null}
    </div>
  );
}
