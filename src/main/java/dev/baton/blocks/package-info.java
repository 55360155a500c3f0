/**
 * The building blocks revenue ops draw playbooks from: their definitions ({@link dev.baton.blocks.Blocks}),
 * how a worker reads a job's inputs ({@link dev.baton.blocks.BlockInputs}) and runs once per step
 * ({@link dev.baton.blocks.BlockRuns}). The workers themselves live in the engine package of the
 * feature each acts on; this module depends on nothing but Spring and the database.
 */
package dev.baton.blocks;
