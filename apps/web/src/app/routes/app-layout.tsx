import { useEffect, useRef } from 'react';
import { Navigate, NavLink, Outlet, useLocation, useNavigate, useNavigation } from 'react-router';
import { paths } from '../../lib/paths.ts';
import { useMe } from '../../features/auth/api/get-me.ts';
import { useLogOut } from '../../features/auth/api/log-out.ts';
import { UserMenu } from '../../features/auth/components/user-menu.tsx';

const navClass = ({ isActive }: { isActive: boolean }) => (isActive ? 'nav-link nav-link-active' : 'nav-link');

/** The signed-in frame: navigation Jobs / Servers / Audit (+ Users for admins) and the user menu. */
export function AppLayout() {
  const { data: me } = useMe();
  const location = useLocation();
  const navigate = useNavigate();
  const navigation = useNavigation();
  const logOut = useLogOut();
  const mainRef = useRef<HTMLElement>(null);
  const isFirstPage = useRef(true);

  // Move focus to the new page on client-side navigation, as a full page load would.
  useEffect(() => {
    if (isFirstPage.current) {
      isFirstPage.current = false;
      return;
    }
    mainRef.current?.focus();
  }, [location.pathname]);

  if (!me) return <Navigate to={paths.login.href(location.pathname + location.search)} replace />;
  const isAdmin = me.user.role === 'admin';

  return (
    <div className="app">
      <a href="#main" className="skip-link">
        Skip to content
      </a>
      <header className="topbar">
        <NavLink to={paths.servers.href()} className="brand">
          <img src="/favicon.svg" alt="" width="24" height="24" />
          SyncSafe Console
        </NavLink>
        <nav aria-label="Main" className="nav">
          <NavLink to={paths.jobs.href()} className={navClass}>
            Jobs
          </NavLink>
          <NavLink to={paths.servers.href()} className={navClass}>
            Servers
          </NavLink>
          <NavLink to={paths.audit.href()} className={navClass}>
            Audit
          </NavLink>
          {isAdmin ? (
            <NavLink to={paths.users.href()} className={navClass}>
              Users
            </NavLink>
          ) : null}
        </nav>
        <UserMenu
          user={me.user}
          tokensHref={paths.tokens.href()}
          isSigningOut={logOut.isPending}
          onSignOut={() => logOut.mutate(undefined, { onSettled: () => navigate(paths.login.href(), { replace: true }) })}
        />
      </header>
      <div className="route-progress" aria-hidden="true" data-active={navigation.state !== 'idle'} />
      <main id="main" ref={mainRef} tabIndex={-1} className="main">
        <Outlet />
      </main>
    </div>
  );
}
