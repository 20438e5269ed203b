"""Mutation testing of the domain core (`invoke mutate`, docs/mutation-testing.md)."""
