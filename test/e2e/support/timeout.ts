// End-to-end tests start processes and talk to a real API server: give them two minutes each.
jest.setTimeout(120_000);
