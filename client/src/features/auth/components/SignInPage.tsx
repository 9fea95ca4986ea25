import { Center, Paper, Text, Title } from '@mantine/core';
import { SignInForm } from './SignInForm';

export function SignInPage() {
  return (
    <Center mih="100vh" p="md" component="main">
      <Paper withBorder shadow="sm" p="xl" w={400} maw="100%">
        <Title order={1} size="h2" mb="xs">
          CMA Case Management
        </Title>
        <Text c="gray.7" mb="lg">
          Sign in with your work e-mail address.
        </Text>
        <SignInForm />
      </Paper>
    </Center>
  );
}
