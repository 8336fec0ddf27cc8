/**
 * 纪检监察 link: a read-only supervision view across the city — overdue work, units late again and again, grants to
 * enterprises on the dishonest list, amounts changed from the platform's estimate, approvals by an item's own author,
 * 公示 objections — from which the inspector hands a clue with its evidence to the responsible unit (线索移送), reads its
 * answer, concludes, or runs a joint supervision (联合督办) whose result is recorded. It reads the other modules' published
 * views only and changes nothing of theirs.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Discipline inspection (纪检监察)")
package io.zhida.discipline;
