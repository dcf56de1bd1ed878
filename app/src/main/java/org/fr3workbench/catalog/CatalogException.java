package org.fr3workbench.catalog;

/**
 * A catalog that cannot be used, with the place of the problem: {@code fr3.yaml:12:5: duplicate id 'CR 3.4'}.
 */
public final class CatalogException extends Exception {
    private static final long serialVersionUID = 1L;

    private final String source;
    private final int line;
    private final int column;
    private final String problem;

    public CatalogException(String source, int line, int column, String problem) {
        super(source + ":" + line + ":" + column + ": " + problem);
        this.source = source;
        this.line = line;
        this.column = column;
        this.problem = problem;
    }

    public String source() {
        return source;
    }

    public int line() {
        return line;
    }

    public int column() {
        return column;
    }

    public String problem() {
        return problem;
    }
}
