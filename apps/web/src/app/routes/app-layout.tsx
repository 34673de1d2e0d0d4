import { useEffect, useRef } from 'react';
import { Navigate, NavLink, Outlet, useLocation, useNavigate, useNavigation } from 'react-router';
import { paths } from '../../lib/paths.ts';
import { useMe } from '../../features/auth/api/get-me.ts';
import { useLogOut } from '../../features/auth/api/log-out.ts';
import { UserMenu } from '../../features/auth/components/user-menu.tsx';
import { useNotifications } from '../../features/notifications/api/list-notifications.ts';
import { NotificationBanner } from '../../features/notifications/components/notification-banner.tsx';
import { LiveIndicator } from '../../components/live-indicator.tsx';
import { useEventStream, useStreamStatus } from '../live-updates.ts';

const navClass = ({ isActive }: { isActive: boolean }) => (isActive ? 'nav-link nav-link-active' : 'nav-link');

/**
 * The signed-in frame: navigation Jobs / Servers / Audit (+ Users for admins), the live stream's
 * indicator, the user menu, and the banner of open notifications that every page shows.
 */
export function AppLayout() {
  const { data: me } = useMe();
  useEventStream();
  const streamStatus = useStreamStatus();
  const openNotifications = useNotifications(true);
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
  const openCount = openNotifications.data?.items.length ?? 0;

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
          <NavLink to={paths.notifications.href()} className={navClass}>
            Notifications
            {openCount > 0 ? (
              <span className="nav-count">
                {openCount}
                <span className="visually-hidden"> open</span>
              </span>
            ) : null}
          </NavLink>
          {isAdmin ? (
            <NavLink to={paths.users.href()} className={navClass}>
              Users
            </NavLink>
          ) : null}
        </nav>
        <LiveIndicator status={streamStatus} />
        <UserMenu
          user={me.user}
          tokensHref={paths.tokens.href()}
          isSigningOut={logOut.isPending}
          onSignOut={() => logOut.mutate(undefined, { onSettled: () => navigate(paths.login.href(), { replace: true }) })}
        />
      </header>
      <div className="route-progress" aria-hidden="true" data-active={navigation.state !== 'idle'} />
      <main id="main" ref={mainRef} tabIndex={-1} className="main">
        <NotificationBanner
          notifications={openNotifications.data?.items ?? []}
          canAct={me.user.role !== 'auditor'}
          failoverHref={(jobId) => paths.job.href(jobId, { dialog: 'failover' })}
          listHref={paths.notifications.href()}
        />
        <Outlet />
      </main>
    </div>
  );
}
