// Whether this run happens in CI: the CI variable most services set, plus the ones that do not.
const ciVariables = [
  'CI', 'CONTINUOUS_INTEGRATION', 'GITHUB_ACTIONS', 'GITLAB_CI', 'CIRCLECI', 'TRAVIS', 'JENKINS_URL', 'BUILDKITE',
  'TF_BUILD', 'TEAMCITY_VERSION', 'CODEBUILD_BUILD_ID', 'BITBUCKET_BUILD_NUMBER', 'DRONE', 'APPVEYOR', 'SEMAPHORE',
  'HARNESS_BUILD_ID', 'TEKTON_PIPELINE_RUN',
];

export function isCI(env: NodeJS.ProcessEnv): boolean {
  return ciVariables.some((name) => {
    const v = (env[name] ?? '').trim().toLowerCase();
    return v !== '' && v !== 'false' && v !== '0';
  });
}
