/**
 * Every place Claimdesk changes how Camunda 7.24 itself works, for speed, in one package (issue
 * #21). Each was measured by the benchmark against PostgreSQL (docs/benchmark.md) and has a test
 * showing the engine behaves as before; remove one and only the figures change.
 *
 * <table>
 *   <caption>The overrides</caption>
 *   <tr><th>class</th><th>what it changes</th><th>why</th><th>its test</th></tr>
 *   <tr><td>{@link org.claimdesk.engine.tuning.ClaimdeskHistoryLevel}, {@link org.claimdesk.engine.tuning.HistoryLevelSetup}</td>
 *       <td>history level {@code claimdesk}: {@code full} without the rows nobody reads; a database at {@code full} is moved to it once</td>
 *       <td>those rows were a sixth of what a case wrote</td><td>ClaimdeskHistoryLevelTest</td></tr>
 *   <tr><td>{@link org.claimdesk.engine.tuning.ParsedOnceFeel}, {@link org.claimdesk.engine.tuning.ParsedOnceFeelEngine}</td>
 *       <td>the DMN engine's FEEL engine parses each expression once</td>
 *       <td>parsing on every evaluation dominated a decision's cost</td><td>ParsedOnceFeelTest (decides as Camunda's own on every table)</td></tr>
 *   <tr><td>{@link org.claimdesk.engine.tuning.DatatypeFactoryLookup}</td>
 *       <td>names the JDK's {@code DatatypeFactory} so it is not searched for on every timer</td>
 *       <td>the search was an eighth of the CPU of filing a claim</td><td>DatatypeFactoryLookupTest</td></tr>
 *   <tr><td>{@link org.claimdesk.engine.tuning.AuthorizationQueryPlans}</td>
 *       <td>queries with authorization checks are never server-prepared on PostgreSQL</td>
 *       <td>a generic plan joined every task to every grant</td><td>AuthorizationQueryPlansIT</td></tr>
 *   <tr><td>{@link org.claimdesk.engine.tuning.IndexOrderedTaskList}</td>
 *       <td>Tasklist's task list read in the order of an index on PostgreSQL</td>
 *       <td>a first page cost the whole queue (200-350 ms at 100,000 tasks)</td><td>IndexOrderedTaskListIT (same tasks, same order)</td></tr>
 *   <tr><td>{@link org.claimdesk.engine.tuning.EngineTableTuning}</td>
 *       <td>statistics and indexes beside the engine's tables, {@code claimdesk_*}, created once</td>
 *       <td>the planner misjudged the grants and the job table</td><td>EngineTableTuningIT</td></tr>
 * </table>
 */
package org.claimdesk.engine.tuning;
