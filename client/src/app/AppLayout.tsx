import { AppShell, Burger, Button, Group, NavLink, Text, TextInput, Title } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { useState, type FormEvent } from 'react';
import { Link, Outlet, useLocation, useNavigate } from 'react-router-dom';
import { paths } from '@/config/paths';
import { useLogout } from '@/features/auth/api/logout';
import { SessionExpiredModal } from '@/features/auth/components/SessionExpiredModal';
import { NotificationsBell } from '@/features/notifications/components/NotificationsBell';
import type { User } from '@/lib/auth/session';
import { navFor } from './nav';

// The search box of every screen: it opens the search page with the words typed.
function HeaderSearch() {
  const navigate = useNavigate();
  const [q, setQ] = useState('');
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (q.trim() === '') return;
    navigate(`${paths.search}?${new URLSearchParams({ q: q.trim() }).toString()}`);
    setQ('');
  };
  return (
    <form onSubmit={submit} role="search" aria-label="Search everywhere">
      <TextInput
        aria-label="Search clients, cases and notes"
        placeholder="Search clients, cases, notes"
        size="xs"
        maxLength={200}
        value={q}
        onChange={(e) => setQ(e.currentTarget.value)}
        w={{ base: 140, sm: 240 }}
      />
    </form>
  );
}

export function AppLayout({ user, expired }: { user: User; expired: boolean }) {
  const [opened, { toggle, close }] = useDisclosure();
  const location = useLocation();
  const navigate = useNavigate();
  const logout = useLogout();
  return (
    <AppShell header={{ height: 56 }} navbar={{ width: 220, breakpoint: 'sm', collapsed: { mobile: !opened } }} padding="md">
      <a href="#main" className="skip-link">
        Skip to content
      </a>
      <AppShell.Header>
        <Group h="100%" px="md" justify="space-between">
          <Group>
            <Burger opened={opened} onClick={toggle} hiddenFrom="sm" size="sm" aria-label="Menu" />
            <Title order={2} size="h4">
              CMA Case Management
            </Title>
          </Group>
          <Group gap="sm">
            <HeaderSearch />
            <NotificationsBell />
            <Text size="sm" visibleFrom="md">
              {user.firstName} {user.lastName} · {user.role}
            </Text>
            <Button
              variant="default"
              size="xs"
              loading={logout.isPending}
              onClick={() => logout.mutate(undefined, { onSettled: () => navigate(paths.signIn) })}
            >
              Sign out
            </Button>
          </Group>
        </Group>
      </AppShell.Header>
      <AppShell.Navbar p="xs" component="nav" aria-label="Main">
        {navFor(user.role).map((item) => (
          <NavLink
            key={item.to}
            component={Link}
            to={item.to}
            label={item.label}
            variant="filled"
            active={item.to === paths.home ? location.pathname === item.to : location.pathname.startsWith(item.to)}
            onClick={close}
          />
        ))}
        <NavLink component={Link} to={paths.changePassword} label="Change password" variant="filled" active={location.pathname === paths.changePassword} onClick={close} />
      </AppShell.Navbar>
      <AppShell.Main id="main" tabIndex={-1}>
        <Outlet />
      </AppShell.Main>
      {expired && <SessionExpiredModal user={user} />}
    </AppShell>
  );
}
