-- erp v2: invoicing, leave requests, fiscal periods, regional addresses, backorders.
-- Roles are cluster-wide, so they are created only when missing.

DO $$
BEGIN
  IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'erp_sales') THEN CREATE ROLE erp_sales NOLOGIN; END IF;
  IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'erp_purchasing') THEN CREATE ROLE erp_purchasing NOLOGIN; END IF;
  IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'erp_warehouse') THEN CREATE ROLE erp_warehouse NOLOGIN; END IF;
  IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'erp_hr') THEN CREATE ROLE erp_hr NOLOGIN; END IF;
  IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'erp_accounting') THEN CREATE ROLE erp_accounting NOLOGIN; END IF;
  IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'erp_reporting') THEN CREATE ROLE erp_reporting NOLOGIN; END IF;
END
$$;

CREATE SCHEMA hr; CREATE SCHEMA inventory; CREATE SCHEMA sales;
CREATE SCHEMA purchasing; CREATE SCHEMA accounting;
COMMENT ON SCHEMA hr IS 'People, departments and pay';
COMMENT ON SCHEMA accounting IS 'General ledger and fiscal periods';
COMMENT ON SCHEMA sales IS 'Customers, orders and invoices';

-- Shared value types
CREATE TYPE public.postal_address AS (
  street text,
  city text,
  postal_code varchar(12),
  country_code char(2),
  region text
);
COMMENT ON TYPE public.postal_address IS 'An address as printed on documents';

CREATE TYPE public.money_amount AS (amount numeric(14,2), currency char(3));

CREATE TYPE sales.order_status AS ENUM ('quote', 'confirmed', 'backordered', 'shipped', 'invoiced', 'cancelled');
CREATE TYPE purchasing.po_status AS ENUM ('draft', 'sent', 'received', 'closed', 'cancelled');
CREATE TYPE hr.leave_kind AS ENUM ('vacation', 'sick', 'parental', 'unpaid');

CREATE TYPE hr.salary_band AS (grade smallint, minimum numeric(12,2), maximum numeric(12,2));

-- HR
CREATE TABLE hr.departments (
  department_id smallint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  name varchar(60) NOT NULL UNIQUE,
  cost_center char(6) NOT NULL
);

CREATE TABLE hr.employees (
  employee_id integer GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  department_id smallint NOT NULL REFERENCES hr.departments ON DELETE RESTRICT,
  manager_id integer REFERENCES hr.employees ON DELETE SET NULL,
  first_name varchar(50) NOT NULL,
  last_name varchar(50) NOT NULL,
  email varchar(120) NOT NULL UNIQUE,
  home_address public.postal_address,
  hired_on date NOT NULL,
  left_on date,
  salary numeric(12,2) NOT NULL,
  db_role name,
  band hr.salary_band,
  CONSTRAINT employees_dates_check CHECK (left_on IS NULL OR left_on >= hired_on),
  CONSTRAINT employees_salary_check CHECK (salary > 0)
);
CREATE INDEX employees_department_id_idx ON hr.employees (department_id);
CREATE INDEX employees_manager_id_idx ON hr.employees (manager_id);

-- Inventory
CREATE TABLE inventory.warehouses (
  warehouse_id smallint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  code char(4) NOT NULL UNIQUE,
  address public.postal_address NOT NULL
);

CREATE TABLE inventory.products (
  product_id integer GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  sku varchar(32) NOT NULL UNIQUE,
  name text NOT NULL,
  unit varchar(8) NOT NULL DEFAULT 'pcs',
  list_price numeric(12,2) NOT NULL CHECK (list_price >= 0),
  standard_cost numeric(12,2) NOT NULL CHECK (standard_cost >= 0),
  discontinued boolean NOT NULL DEFAULT false,
  weight_kg numeric(8,3),
  CONSTRAINT products_sku_format CHECK (sku ~ '^[A-Z0-9-]+$')
);

CREATE TABLE inventory.stock (
  warehouse_id smallint NOT NULL REFERENCES inventory.warehouses ON DELETE CASCADE,
  product_id integer NOT NULL REFERENCES inventory.products ON DELETE CASCADE,
  on_hand numeric(12,3) NOT NULL DEFAULT 0,
  reserved numeric(12,3) NOT NULL DEFAULT 0,
  PRIMARY KEY (warehouse_id, product_id),
  CONSTRAINT stock_reserved_check CHECK (reserved <= on_hand)
);

CREATE TABLE inventory.movements (
  movement_id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  warehouse_id smallint NOT NULL REFERENCES inventory.warehouses,
  product_id integer NOT NULL REFERENCES inventory.products,
  quantity numeric(12,3) NOT NULL CHECK (quantity <> 0),
  reason varchar(32) NOT NULL,
  moved_at timestamptz NOT NULL DEFAULT now(),
  reference text
);
CREATE INDEX movements_product_moved_idx ON inventory.movements (product_id, moved_at);

-- Sales
CREATE TABLE sales.customers (
  customer_id integer GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  name text NOT NULL,
  vat_number varchar(32),
  billing_address public.postal_address NOT NULL,
  shipping_address public.postal_address,
  credit_limit numeric(12,2) NOT NULL DEFAULT 1000,
  account_manager_id integer REFERENCES hr.employees ON DELETE SET NULL,
  blocked boolean NOT NULL DEFAULT false
);
CREATE UNIQUE INDEX customers_vat_number_key ON sales.customers (vat_number) WHERE vat_number IS NOT NULL;

CREATE TABLE sales.orders (
  order_id integer GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  customer_id integer NOT NULL REFERENCES sales.customers ON DELETE RESTRICT,
  status sales.order_status NOT NULL DEFAULT 'quote',
  ordered_on date NOT NULL DEFAULT CURRENT_DATE,
  warehouse_id smallint NOT NULL REFERENCES inventory.warehouses,
  salesperson_id integer REFERENCES hr.employees ON DELETE SET NULL
);
CREATE INDEX orders_customer_id_idx ON sales.orders (customer_id);
CREATE INDEX orders_open_idx ON sales.orders (ordered_on) WHERE status IN ('confirmed', 'shipped');

CREATE TABLE sales.order_lines (
  order_id integer NOT NULL REFERENCES sales.orders ON DELETE CASCADE,
  line_no smallint NOT NULL,
  product_id integer NOT NULL REFERENCES inventory.products,
  quantity numeric(12,3) NOT NULL CHECK (quantity > 0),
  unit_price numeric(12,2) NOT NULL,
  discount numeric(5,4) NOT NULL DEFAULT 0 CHECK (discount BETWEEN 0 AND 1),
  PRIMARY KEY (order_id, line_no)
);

-- Purchasing
CREATE TABLE purchasing.suppliers (
  supplier_id integer GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  name text NOT NULL,
  address public.postal_address NOT NULL,
  payment_terms_days smallint NOT NULL DEFAULT 30
);

CREATE TABLE purchasing.purchase_orders (
  po_id integer GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  supplier_id integer NOT NULL REFERENCES purchasing.suppliers,
  status purchasing.po_status NOT NULL DEFAULT 'draft',
  ordered_on date,
  expected_on date,
  warehouse_id smallint NOT NULL REFERENCES inventory.warehouses
);

CREATE TABLE purchasing.po_lines (
  po_id integer NOT NULL REFERENCES purchasing.purchase_orders ON DELETE CASCADE,
  line_no smallint NOT NULL,
  product_id integer NOT NULL REFERENCES inventory.products,
  quantity numeric(12,3) NOT NULL CHECK (quantity > 0),
  unit_cost numeric(12,2) NOT NULL,
  received_quantity numeric(12,3) NOT NULL DEFAULT 0,
  PRIMARY KEY (po_id, line_no)
);

CREATE TABLE sales.invoices (
  invoice_id integer GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  order_id integer NOT NULL REFERENCES sales.orders ON DELETE RESTRICT,
  invoice_number varchar(20) NOT NULL UNIQUE,
  issued_on date NOT NULL DEFAULT CURRENT_DATE,
  due_on date NOT NULL,
  total public.money_amount NOT NULL,
  billing_address public.postal_address NOT NULL,
  paid_on date,
  CONSTRAINT invoices_due_check CHECK (due_on >= issued_on)
);
CREATE INDEX invoices_order_id_idx ON sales.invoices (order_id);
CREATE INDEX invoices_unpaid_idx ON sales.invoices (due_on) WHERE paid_on IS NULL;

CREATE TABLE hr.leave_requests (
  request_id integer GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  employee_id integer NOT NULL REFERENCES hr.employees ON DELETE CASCADE,
  kind hr.leave_kind NOT NULL,
  first_day date NOT NULL,
  last_day date NOT NULL,
  approved_by integer REFERENCES hr.employees ON DELETE SET NULL,
  approved_at timestamptz,
  CONSTRAINT leave_requests_days_check CHECK (last_day >= first_day)
);
CREATE INDEX leave_requests_employee_idx ON hr.leave_requests (employee_id, first_day);

CREATE TABLE accounting.fiscal_periods (
  period_id smallint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  starts_on date NOT NULL,
  ends_on date NOT NULL,
  closed boolean NOT NULL DEFAULT false,
  CONSTRAINT fiscal_periods_range_check CHECK (ends_on > starts_on),
  CONSTRAINT fiscal_periods_starts_on_key UNIQUE (starts_on)
);

-- Accounting
CREATE TABLE accounting.accounts (
  account_code varchar(10) PRIMARY KEY,
  name text NOT NULL,
  kind char(1) NOT NULL CHECK (kind IN ('A', 'L', 'E', 'R', 'X')),
  parent_code varchar(10) REFERENCES accounting.accounts
);

CREATE TABLE accounting.journal_entries (
  entry_id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  posted_on date NOT NULL,
  description text NOT NULL,
  source varchar(20) NOT NULL,
  period_id smallint REFERENCES accounting.fiscal_periods ON DELETE RESTRICT
);
CREATE INDEX journal_entries_posted_on_idx ON accounting.journal_entries (posted_on);

CREATE TABLE accounting.journal_lines (
  entry_id bigint NOT NULL REFERENCES accounting.journal_entries ON DELETE CASCADE,
  line_no smallint NOT NULL,
  account_code varchar(10) NOT NULL REFERENCES accounting.accounts,
  debit numeric(14,2) NOT NULL DEFAULT 0,
  credit numeric(14,2) NOT NULL DEFAULT 0,
  PRIMARY KEY (entry_id, line_no),
  CONSTRAINT journal_lines_one_side CHECK ((debit = 0) <> (credit = 0))
);
CREATE INDEX journal_lines_account_idx ON accounting.journal_lines (account_code);

-- Functions
CREATE FUNCTION public.format_address(a public.postal_address) RETURNS text
  LANGUAGE sql IMMUTABLE
AS $$
  SELECT concat_ws(', ', a.street, a.postal_code || ' ' || a.city, a.region, a.country_code)
$$;

CREATE FUNCTION sales.line_total(quantity numeric, unit_price numeric, discount numeric) RETURNS numeric
  LANGUAGE sql IMMUTABLE STRICT
AS $$
  SELECT greatest(round(quantity * unit_price * (1 - discount), 2), 0)
$$;

CREATE FUNCTION sales.order_total(p_order_id integer) RETURNS numeric
  LANGUAGE plpgsql STABLE
AS $$
DECLARE
  total numeric;
BEGIN
  SELECT coalesce(sum(sales.line_total(quantity, unit_price, discount)), 0) INTO total
  FROM sales.order_lines WHERE order_id = p_order_id;
  RETURN total;
END;
$$;

-- The employee row of the connected database role, if any.
CREATE FUNCTION hr.current_employee_id() RETURNS integer
  LANGUAGE sql STABLE SECURITY DEFINER
  SET search_path = pg_catalog
AS $$
  SELECT employee_id FROM hr.employees WHERE db_role = current_user
$$;

CREATE FUNCTION inventory.reserve_stock(p_warehouse smallint, p_product integer, p_quantity numeric, p_order_id integer) RETURNS boolean
  LANGUAGE plpgsql
AS $$
DECLARE
  available numeric;
BEGIN
  RAISE DEBUG 'reserving % of product % for order %', p_quantity, p_product, p_order_id;
  SELECT on_hand - reserved INTO available
  FROM inventory.stock
  WHERE warehouse_id = p_warehouse AND product_id = p_product
  FOR UPDATE;
  IF available IS NULL OR available < p_quantity THEN
    RETURN false;
  END IF;
  UPDATE inventory.stock SET reserved = reserved + p_quantity
  WHERE warehouse_id = p_warehouse AND product_id = p_product;
  RETURN true;
END;
$$;

CREATE FUNCTION accounting.check_entry_balanced() RETURNS trigger
  LANGUAGE plpgsql
AS $$
DECLARE
  imbalance numeric;
BEGIN
  SELECT sum(debit) - sum(credit) INTO imbalance
  FROM accounting.journal_lines WHERE entry_id = NEW.entry_id;
  IF imbalance <> 0 THEN
    RAISE EXCEPTION 'journal entry % is not balanced (%)', NEW.entry_id, imbalance;
  END IF;
  RETURN NULL;
END;
$$;

CREATE CONSTRAINT TRIGGER journal_lines_balanced
  AFTER INSERT OR UPDATE ON accounting.journal_lines
  DEFERRABLE INITIALLY DEFERRED
  FOR EACH ROW EXECUTE FUNCTION accounting.check_entry_balanced();

-- Row-level security
-- Salaries are visible to HR and to the employee's own database role only.
ALTER TABLE hr.employees ENABLE ROW LEVEL SECURITY;
CREATE POLICY employees_hr_all ON hr.employees TO erp_hr USING (true) WITH CHECK (true);
CREATE POLICY employees_self ON hr.employees FOR SELECT USING (db_role = current_user OR manager_id = hr.current_employee_id());

-- Employees see and file their own requests; managers see their reports'; HR sees everything.
ALTER TABLE hr.leave_requests ENABLE ROW LEVEL SECURITY;
ALTER TABLE hr.leave_requests FORCE ROW LEVEL SECURITY;
CREATE POLICY leave_requests_hr ON hr.leave_requests TO erp_hr USING (true);
CREATE POLICY leave_requests_own ON hr.leave_requests USING (employee_id = hr.current_employee_id())
  WITH CHECK (employee_id = hr.current_employee_id() AND approved_by IS NULL);
CREATE POLICY leave_requests_manager ON hr.leave_requests FOR UPDATE
  USING (EXISTS (SELECT 1 FROM hr.employees e WHERE e.employee_id = leave_requests.employee_id AND e.manager_id = hr.current_employee_id()));

-- Views
CREATE VIEW sales.order_totals AS
SELECT o.order_id, o.customer_id, o.status, o.ordered_on,
       sum(sales.line_total(l.quantity, l.unit_price, l.discount)) AS total,
       count(*) AS line_count
FROM sales.orders o
JOIN sales.order_lines l ON l.order_id = o.order_id
GROUP BY o.order_id;

CREATE VIEW sales.customer_balances AS
SELECT c.customer_id, c.name, c.credit_limit,
       coalesce(sum(t.total) FILTER (WHERE t.status IN ('confirmed', 'shipped')), 0) AS open_amount,
       c.blocked
FROM sales.customers c
LEFT JOIN sales.order_totals t ON t.customer_id = c.customer_id
GROUP BY c.customer_id;

CREATE VIEW sales.customers_over_limit AS
SELECT customer_id, name, credit_limit, open_amount
FROM sales.customer_balances
WHERE open_amount > credit_limit AND NOT blocked;

CREATE VIEW sales.customer_addresses AS
SELECT customer_id, name, public.format_address(billing_address) AS billing, public.format_address(coalesce(shipping_address, billing_address)) AS shipping
FROM sales.customers;

CREATE VIEW sales.overdue_invoices AS
SELECT i.invoice_id, i.invoice_number, i.due_on, (i.total).amount AS amount, (i.total).currency AS currency, t.customer_id
FROM sales.invoices i
JOIN sales.order_totals t USING (order_id)
WHERE i.paid_on IS NULL AND i.due_on < CURRENT_DATE;

CREATE VIEW inventory.available_stock AS
SELECT s.warehouse_id, w.code AS warehouse, s.product_id, p.sku, s.on_hand - s.reserved AS available, p.name AS product
FROM inventory.stock s
JOIN inventory.warehouses w USING (warehouse_id)
JOIN inventory.products p USING (product_id)
WHERE NOT p.discontinued;

CREATE VIEW purchasing.open_purchase_orders AS
SELECT po.po_id, s.name AS supplier, po.expected_on,
       sum((l.quantity - l.received_quantity) * l.unit_cost) AS value,
       po.warehouse_id
FROM purchasing.purchase_orders po
JOIN purchasing.suppliers s USING (supplier_id)
JOIN purchasing.po_lines l USING (po_id)
WHERE po.status IN ('sent', 'received')
GROUP BY po.po_id, s.name;

CREATE VIEW hr.directory AS
SELECT e.employee_id, e.first_name || ' ' || e.last_name AS full_name, d.name AS department, e.email,
       m.first_name || ' ' || m.last_name AS manager
FROM hr.employees e
JOIN hr.departments d USING (department_id)
LEFT JOIN hr.employees m ON m.employee_id = e.manager_id
WHERE e.left_on IS NULL OR e.left_on > CURRENT_DATE;

CREATE VIEW accounting.trial_balance AS
SELECT a.account_code, a.name, sum(l.debit) AS debit, sum(l.credit) AS credit
FROM accounting.accounts a
LEFT JOIN accounting.journal_lines l USING (account_code)
GROUP BY a.account_code, a.name;

-- Grants
GRANT USAGE ON SCHEMA sales TO erp_sales, erp_reporting;
GRANT USAGE ON SCHEMA inventory TO erp_sales, erp_purchasing, erp_warehouse, erp_reporting;
GRANT USAGE ON SCHEMA purchasing TO erp_purchasing, erp_reporting;
GRANT USAGE ON SCHEMA hr TO erp_hr;
GRANT USAGE ON SCHEMA accounting TO erp_accounting, erp_reporting;
GRANT SELECT, INSERT, UPDATE ON ALL TABLES IN SCHEMA sales TO erp_sales;
GRANT SELECT ON inventory.products, inventory.available_stock TO erp_sales;
GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA inventory TO erp_warehouse;
GRANT SELECT, INSERT, UPDATE ON ALL TABLES IN SCHEMA purchasing TO erp_purchasing;
GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA hr TO erp_hr;
GRANT SELECT, INSERT ON ALL TABLES IN SCHEMA accounting TO erp_accounting;
GRANT SELECT ON sales.order_totals, sales.customer_balances, sales.overdue_invoices, purchasing.open_purchase_orders, accounting.trial_balance TO erp_reporting;
REVOKE ALL ON FUNCTION inventory.reserve_stock(smallint, integer, numeric, integer) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION inventory.reserve_stock(smallint, integer, numeric, integer) TO erp_sales, erp_warehouse;
REVOKE ALL ON FUNCTION hr.current_employee_id() FROM PUBLIC;
GRANT EXECUTE ON FUNCTION hr.current_employee_id() TO erp_hr, erp_sales, erp_warehouse, erp_purchasing, erp_accounting;

COMMENT ON VIEW sales.customers_over_limit IS 'Checked before confirming an order; blocked customers are handled separately';
COMMENT ON TABLE hr.leave_requests IS 'Vacation and other absences, approved by the manager';
COMMENT ON COLUMN sales.invoices.total IS 'Gross total in the invoice currency';
COMMENT ON FUNCTION sales.order_total(integer) IS 'Sum of the discounted lines of one order';
