/**
 * Lucene index of tagged sentences with their deals' facts: quotes, facets and loss themes.
 * Plain Java: no Spring, no Mongo, no CoreNLP.
 */
package io.winloss.search;
